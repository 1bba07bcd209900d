package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue that leaks, each row with the page where it is fixed:
 * <ul>
 * <li>{@code UNBILLED_TIME}: approved billable time on T&amp;M projects on no invoice, dated up to the last billing
 * period end (the end of the month before the as-of day — the billing run bills the previous month), per person,
 * ISO week and project, at the frozen bill rate → the person's timesheet of that week; its date is the week's
 * Monday, or the first of the month for the part of a week in a new month;</li>
 * <li>{@code UNBILLED_EXPENSE}: approved billable expenses on T&amp;M projects on no invoice, dated up to that day,
 * with markup → the person's expenses page;</li>
 * <li>{@code NON_BILLABLE_TASK}: approved time on tasks marked non-billable in T&amp;M projects, dated in the range,
 * per project and task, at its bill rate → the project's plan page (dated like unbilled time);</li>
 * <li>{@code WRITTEN_OFF}: written-off time, dated in the range, per invoice, at its bill rate, with the reasons →
 * the project's plan page;</li>
 * <li>{@code STUCK_IN_REVIEW}: draft invoices created more than {@code ledgerflow.reporting.stuck-review-days}
 * (default 7) days ago → their open task in Tasklist.</li>
 * </ul>
 * Each row's amount is rounded to the cent (half-up), and the totals add those rounded amounts up, so a spreadsheet
 * summing the CSV gets the same totals.
 */
@Component
public class LeakageReport {

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(String kind, UUID projectId, String projectCode, @Nullable UUID personId,
			@Nullable String personName, @Nullable LocalDate date, String reference, BigDecimal hours,
			BigDecimal amount, String currency, String detail, String link) {
	}

	/** All rows of one kind in one currency: how many, their hours and their amount. */
	public record Total(String kind, String currency, int rows, BigDecimal hours, BigDecimal amount) {
	}

	/** Some rows, the totals of all of them, how many there are, and where the page starts. */
	public record Page(List<Row> rows, List<Total> totals, int rowCount, int offset) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ReportingProperties properties;

	private final ReportClock clock;

	LeakageReport(NamedParameterJdbcTemplate jdbc, ReportingProperties properties, ReportClock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The last day a billing run has billed by the as-of day: the end of the month before it. */
	public static LocalDate lastBillingPeriodEnd(LocalDate asOf) {
		return YearMonth.from(asOf).minusMonths(1).atEndOfMonth();
	}

	/** Every row, in order (the CSV). */
	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		return page(filter, 0, Integer.MAX_VALUE).rows();
	}

	/**
	 * The rows from {@code offset} on, at most {@code limit}, in order (kind, project code, day, reference, then what
	 * the row is of — person and week, expense, task or invoice — so pages never overlap), with the
	 * totals of all rows per kind and currency: one statement, so page and totals agree.
	 */
	@Transactional(readOnly = true)
	public Page page(ReportFilter filter, int offset, int limit) {
		CustomPlans.forThisTransaction(jdbc);
		LocalDate asOf = clock.asOf(filter);
		LocalDate periodEnd = lastBillingPeriodEnd(asOf);
		var params = new MapSqlParameterSource().addValue("offset", offset)
			.addValue("limit", limit)
			.addValue("stuckBefore", java.sql.Timestamp
				.from(clock.now().minus(Duration.ofDays(properties.stuckReviewDays()))));
		String scope = filter.projectConditions("p", params);
		String inScope = filter.scopedToProjects() ? " and project_id in (select id from scope)" : "";
		LocalDate unbilledTo = filter.to() != null && filter.to().isBefore(periodEnd) ? filter.to() : periodEnd;
		String sql = """
				with scope as not materialized (
				    select p.id, p.code, p.billing_model, c.currency from project p join client c on c.id = p.client_id
				    where true %1$s
				), leak as materialized (
				    select 'UNBILLED_TIME' as kind, s.id as project_id, s.code, te.person_id, pe.name as person_name,
				           min(te.day) as day, te.iso_week as reference, sum(te.minutes) as minutes,
				           round(sum(te.bill_x60) / 60, 2) as amount, s.currency,
				           sum(te.entries) || case when sum(te.entries) = 1 then ' approved entry'
				               else ' approved entries' end || ' on no invoice' as detail,
				           '/timesheet?personId=' || te.person_id || '&week=' || te.iso_week as link,
				           te.person_id || '/' || te.iso_week as sort_key
				    from (
				        -- net per piece: a piece whose entries all left (not folded yet) neither counts nor dates the row
				        select project_id, person_id, iso_week, day, sum(entries) as entries, sum(minutes) as minutes,
				               sum(bill_x60) as bill_x60
				        from %3$s f
				        group by project_id, person_id, iso_week, day
				        having sum(entries) <> 0
				    ) te join scope s on s.id = te.project_id join person pe on pe.id = te.person_id
				    where s.billing_model = 'TIME_AND_MATERIALS'
				    group by s.id, s.code, s.currency, te.person_id, pe.name, te.iso_week
				    union all
				    select 'UNBILLED_EXPENSE', s.id, s.code, e.person_id, pe.name, e.expense_date,
				           e.vendor, 0, e.project_amount + round(e.project_amount * e.markup_percent / 100, 2),
				           s.currency, e.category_code || ': ' || e.description, '/expenses?personId=' || e.person_id,
				           e.id::text
				    from expense e join scope s on s.id = e.project_id join person pe on pe.id = e.person_id
				    where s.billing_model = 'TIME_AND_MATERIALS' and e.status = 'APPROVED' and e.billable
				      and e.expense_date <= :periodEnd %4$s
				    union all
				    select 'NON_BILLABLE_TASK', s.id, s.code, null, null, min(te.day), t.name, sum(te.minutes),
				           round(sum(te.bill_x60) / 60, 2), s.currency,
				           sum(te.entries) || case when sum(te.entries) = 1 then ' approved entry'
				               else ' approved entries' end || ' on a non-billable task', '/projects/' || s.id || '/plan',
				           t.id::text
				    from (
				        select project_id, task_id, day, sum(entries) as entries, sum(minutes) as minutes,
				               sum(bill_x60) as bill_x60
				        from %5$s f
				        group by project_id, task_id, day
				        having sum(entries) <> 0
				    ) te join scope s on s.id = te.project_id join project_task t on t.id = te.task_id
				    where s.billing_model = 'TIME_AND_MATERIALS' and not t.billable
				    group by s.id, s.code, s.currency, t.id, t.name
				    union all
				    select 'WRITTEN_OFF', s.id, s.code, null, null, i.issue_date, coalesce(i.number, 'draft ' || i.id),
				           sum(w.minutes), round(sum(w.bill_x60) / 60, 2), s.currency,
				           string_agg(w.reason, '; ' order by w.reason), '/projects/' || s.id || '/plan', i.id::text
				    from (
				        -- per invoice, project and reason first (a hash over the few written-off entries), then named
				        select ii.invoice_id, te.project_id, ii.written_off_reason as reason, sum(te.minutes) as minutes,
				               sum(te.minutes * te.bill_rate) as bill_x60
				        from time_entry te
				        join invoice_item ii on ii.item_type = 'TIME_ENTRY' and ii.item_id = te.id
				             and ii.written_off_reason is not null
				        where te.status = 'WRITTEN_OFF' %2$s %6$s
				        group by ii.invoice_id, te.project_id, ii.written_off_reason
				    ) w join scope s on s.id = w.project_id join invoice i on i.id = w.invoice_id
				    group by s.id, s.code, s.currency, i.id, i.issue_date, i.number
				    union all
				    select 'STUCK_IN_REVIEW', s.id, s.code, null, null, cast(i.created_at as date),
				           'draft ' || i.period_start || ' to ' || i.period_end, 0, i.total, s.currency,
				           'draft since ' || to_char(i.created_at, 'YYYY-MM-DD'),
				           '/camunda/app/tasklist/default/#/' || coalesce('?task=' || task.id_, ''), i.id::text
				    from invoice i join scope s on s.id = i.project_id
				    left join lateral (
				        select t.id_ from act_hi_procinst pi join act_hi_taskinst t on t.proc_inst_id_ = pi.id_
				        where pi.business_key_ = 'invoice:' || i.id and t.end_time_ is null
				        order by t.start_time_ desc limit 1
				    ) task on true
				    where i.status = 'DRAFT' and i.created_at < :stuckBefore
				)
				select 0 as part, page.*, 0 as row_count
				from (select * from leak order by kind, code, day, reference, sort_key limit :limit offset :offset) page
				union all
				select 1, kind, null, null, null, null, null, null, sum(minutes), sum(amount), currency, null, null, null,
				       count(*)
				from leak group by kind, currency
				order by part, kind, code, day, reference, sort_key, currency
				""".formatted(scope, filter.dateConditions("te.work_date", params),
				TimeFacts.between(filter.from(), unbilledTo, "status = 'APPROVED' and billable" + inScope, "unbilled",
						params),
				filter.dateConditions("e.expense_date", params),
				TimeFacts.between(filter.from(), filter.to(), "status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF')"
						+ " and task_id in (select id from project_task where not billable)" + inScope, "nonBillable",
						params),
				filter.scopedToProjects() ? " and te.project_id in (select id from scope)" : "");
		params.addValue("periodEnd", periodEnd);
		List<Row> rows = new ArrayList<>();
		List<Total> totals = new ArrayList<>();
		jdbc.query(sql, params, rs -> {
			BigDecimal hours = Figures.hours(rs.getLong("minutes"));
			BigDecimal amount = Figures.cents(rs.getBigDecimal("amount"));
			if (rs.getInt("part") == 1) {
				totals.add(new Total(rs.getString("kind"), rs.getString("currency"), rs.getInt("row_count"), hours,
						amount));
				return;
			}
			Date day = rs.getDate("day");
			rows.add(new Row(rs.getString("kind"), rs.getObject("project_id", UUID.class), rs.getString("code"),
					rs.getObject("person_id", UUID.class), rs.getString("person_name"),
					day == null ? null : day.toLocalDate(), rs.getString("reference"), hours, amount,
					rs.getString("currency"), rs.getString("detail"), rs.getString("link")));
		});
		return new Page(rows, totals, totals.stream().mapToInt(Total::rows).sum(), offset);
	}

}
