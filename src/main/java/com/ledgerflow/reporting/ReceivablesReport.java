package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owes what on the as-of day ({@code to}, or today), per client: open invoices (POSTED, SENT, or PAID only after
 * that day; issued by then) by days past their due date — current (not yet due), 1–30, 31–60, 61–90, over 90. Open
 * amount = invoice total (tax included) less the payments applied up to the as-of day, written-off invoices left out
 * ({@link #OPEN_INVOICES}).
 * DSO (days sales outstanding) = open receivables / revenue of the last 90 days × 90, where revenue = totals (tax
 * included, as receivables are) of APPROVED, POSTED, SENT and PAID invoices issued in the 90 days up to the as-of day;
 * none when there was no such revenue. {@code from} does not apply.
 */
@Component
public class ReceivablesReport {

	/**
	 * Every invoice open on the as-of day with its open amount: its total less the payments applied to it up to that
	 * day (an invoice PAID later was still open then). An invoice finance wrote off (a {@code WRITTEN_OFF} follow-up
	 * decided before {@code :writtenOffBefore}, the start of the day after the as-of day in the company's zone) is no
	 * longer open: it stays {@code SENT}, its open amount is bad debt.
	 */
	static final String OPEN_INVOICES = """
			select i.id, i.client_id, i.project_id, i.due_date, i.total - coalesce(paid.amount, 0) as open_amount
			from invoice i
			-- all payments up to the day summed at once (a hash join), not looked up invoice by invoice
			left join (
			    select pay.invoice_id, sum(pay.applied_amount) as amount from payment pay
			    where pay.payment_date <= :asOf group by pay.invoice_id
			) paid on paid.invoice_id = i.id
			where i.status in ('POSTED', 'SENT', 'PAID') and i.issue_date <= :asOf
			  and i.total - coalesce(paid.amount, 0) > 0
			  and not exists (
			    select 1 from dunning_follow_up wo
			    where wo.invoice_id = i.id and wo.outcome = 'WRITTEN_OFF' and wo.decided_at < :writtenOffBefore
			  )
			""";

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(UUID clientId, String clientName, String currency, BigDecimal current, BigDecimal days1To30,
			BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90, BigDecimal total, int openInvoices,
			BigDecimal revenueLast90Days, @Nullable BigDecimal dso, String link) {
	}

	/** Totals of one currency over the rows. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Total(String currency, BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
			BigDecimal days61To90, BigDecimal over90, BigDecimal total, BigDecimal revenueLast90Days,
			@Nullable BigDecimal dso) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ReportClock clock;

	ReceivablesReport(NamedParameterJdbcTemplate jdbc, ReportClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		CustomPlans.forThisTransaction(jdbc);
		LocalDate asOf = clock.asOf(filter);
		var params = new MapSqlParameterSource().addValue("asOf", asOf)
			.addValue("since", asOf.minusDays(89))
			.addValue("writtenOffBefore", Timestamp.from(asOf.plusDays(1).atStartOfDay(clock.zone()).toInstant()));
		String scope = filter.projectConditions("p", params);
		String sql = """
				with open_invoice as (%s), aged as (
				    select o.client_id, o.open_amount, (:asOf - o.due_date) as days_late
				    from open_invoice o join project p on p.id = o.project_id
				    where true %s
				), revenue as (
				    select i.client_id, sum(i.total) as revenue
				    from invoice i join project p on p.id = i.project_id
				    where i.status in ('APPROVED', 'POSTED', 'SENT', 'PAID') and i.issue_date >= :since
				      and i.issue_date <= :asOf %s
				    group by i.client_id
				), buckets as (
				    select client_id,
				           sum(open_amount) filter (where days_late <= 0) as current,
				           sum(open_amount) filter (where days_late between 1 and 30) as days_1_30,
				           sum(open_amount) filter (where days_late between 31 and 60) as days_31_60,
				           sum(open_amount) filter (where days_late between 61 and 90) as days_61_90,
				           sum(open_amount) filter (where days_late > 90) as over_90,
				           sum(open_amount) as total, count(*) as invoices
				    from aged group by client_id
				)
				select c.id, c.name, c.currency, b.current, b.days_1_30, b.days_31_60, b.days_61_90, b.over_90, b.total,
				       b.invoices, r.revenue
				from buckets b join client c on c.id = b.client_id
				left join revenue r on r.client_id = b.client_id
				order by b.total desc, c.name
				""".formatted(OPEN_INVOICES, scope, scope);
		return jdbc.query(sql, params, (rs, n) -> {
			BigDecimal total = Figures.cents(rs.getBigDecimal("total"));
			BigDecimal revenue = Figures.cents(rs.getBigDecimal("revenue"));
			UUID clientId = rs.getObject("id", UUID.class);
			return new Row(clientId, rs.getString("name"), rs.getString("currency"),
					Figures.cents(rs.getBigDecimal("current")), Figures.cents(rs.getBigDecimal("days_1_30")),
					Figures.cents(rs.getBigDecimal("days_31_60")), Figures.cents(rs.getBigDecimal("days_61_90")),
					Figures.cents(rs.getBigDecimal("over_90")), total, rs.getInt("invoices"), revenue, dso(total, revenue),
					"/invoices?clientId=" + clientId);
		});
	}

	/** Per currency: the rows added up, DSO over the sums. */
	public List<Total> totals(List<Row> rows) {
		Map<String, BigDecimal[]> sums = new TreeMap<>();
		for (Row row : rows) {
			BigDecimal[] sum = sums.computeIfAbsent(row.currency(), currency -> new BigDecimal[] { BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			BigDecimal[] values = { row.current(), row.days1To30(), row.days31To60(), row.days61To90(), row.over90(),
					row.total(), row.revenueLast90Days() };
			for (int i = 0; i < values.length; i++) {
				sum[i] = sum[i].add(values[i]);
			}
		}
		return sums.entrySet()
			.stream()
			.map(entry -> {
				BigDecimal[] s = entry.getValue();
				return new Total(entry.getKey(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], dso(s[5], s[6]));
			})
			.toList();
	}

	static @Nullable BigDecimal dso(BigDecimal receivables, BigDecimal revenue) {
		if (revenue.signum() == 0) {
			return null;
		}
		return receivables.multiply(BigDecimal.valueOf(90)).divide(revenue, 1, RoundingMode.HALF_UP);
	}

}
