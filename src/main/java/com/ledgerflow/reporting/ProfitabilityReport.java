package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per project, in the project's (its client's) currency:
 * <ul>
 * <li>{@code revenue}: subtotals (line amounts net of tax, discounts included) of its APPROVED, POSTED, SENT and PAID
 * invoices issued in the range;</li>
 * <li>{@code unbilled}: approved work not yet on an approved invoice (APPROVED, or on a DRAFT), dated in the range,
 * at its value to the client: T&amp;M billable time at the frozen bill rate, T&amp;M billable expenses with markup,
 * fixed-fee milestones completed in the range. Shown apart from revenue;</li>
 * <li>{@code cost}: approved time (APPROVED, INVOICED, WRITTEN_OFF; billable or not) × frozen cost rate, plus approved
 * expenses at cost (the amount in the project's currency, without markup), dated in the range;</li>
 * <li>{@code margin} = revenue − cost, {@code marginPercent} = margin / revenue × 100;</li>
 * <li>{@code effectiveHourlyRate} = revenue / approved hours (all approved time);</li>
 * <li>{@code writtenOff}: written-off time at its frozen bill rate.</li>
 * </ul>
 * Each figure is rounded once per project, half-up ({@link Figures}).
 */
@Component
public class ProfitabilityReport {

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(UUID projectId, String projectCode, String projectName, UUID clientId, String clientName,
			String billingModel, String currency, BigDecimal revenue, BigDecimal unbilled, BigDecimal cost,
			BigDecimal margin, @Nullable BigDecimal marginPercent, BigDecimal hours,
			@Nullable BigDecimal effectiveHourlyRate, BigDecimal writtenOff) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	ProfitabilityReport(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		CustomPlans.forThisTransaction(jdbc);
		var params = new MapSqlParameterSource();
		String scope = filter.projectConditions("p", params);
		// the big tables are aggregated whole and joined to the projects afterwards; with a project filter they are
		// first narrowed to those projects (index on project_id)
		String timeScope = filter.scopedToProjects() ? " and project_id in (select id from scope)" : "";
		String expenseScope = filter.scopedToProjects() ? " and e.project_id in (select id from scope)" : "";
		String sql = """
				with scope as not materialized (
				    select p.id, p.code, p.name, p.client_id, p.billing_model, c.name as client_name, c.currency
				    from project p join client c on c.id = p.client_id
				    where true %s
				), revenue as (
				    select i.project_id, sum(i.subtotal) as revenue
				    from invoice i join scope s on s.id = i.project_id
				    where i.status in ('APPROVED', 'POSTED', 'SENT', 'PAID') %s
				    group by i.project_id
				), work as (
				    select te.project_id,
				           sum(te.minutes) as minutes,
				           sum(te.cost_x60) as cost_x60,
				           sum(te.bill_x60) filter (where te.status = 'WRITTEN_OFF') as written_off_x60
				    from %s te
				    group by te.project_id
				    having sum(te.entries) <> 0
				), unbilled_time as (
				    -- approved and on no invoice, or claimed by a draft (few): never a join over everything invoiced
				    select te.project_id, sum(te.bill_x60) as unbilled_x60
				    from %s te
				    group by te.project_id
				    having sum(te.entries) <> 0
				    union all
				    select te.project_id, sum(te.minutes * te.bill_rate)
				    from invoice i join scope s on s.id = i.project_id
				    join invoice_item ii on ii.invoice_id = i.id and ii.item_type = 'TIME_ENTRY'
				    join time_entry te on te.id = ii.item_id
				    where i.status = 'DRAFT' and te.billable %s
				    group by te.project_id
				), spent as (
				    select e.project_id, sum(e.project_amount) as cost,
				           sum(e.project_amount + round(e.project_amount * e.markup_percent / 100, 2)) filter (
				               where e.billable and e.status = 'APPROVED') as unbilled
				    from expense e
				    where e.status in ('APPROVED', 'INVOICED') %s %s
				    group by e.project_id
				), drafted_expenses as (
				    select e.project_id, sum(e.project_amount + round(e.project_amount * e.markup_percent / 100, 2))
				        as unbilled
				    from invoice i join scope s on s.id = i.project_id
				    join invoice_item ii on ii.invoice_id = i.id and ii.item_type = 'EXPENSE'
				    join expense e on e.id = ii.item_id
				    where i.status = 'DRAFT' and e.billable %s
				    group by e.project_id
				), milestones as (
				    select m.project_id, sum(m.amount) as unbilled
				    from milestone m join scope s on s.id = m.project_id
				    left join invoice_item ii on ii.item_type = 'MILESTONE' and ii.item_id = m.id
				    left join invoice i on i.id = ii.invoice_id
				    where s.billing_model = 'FIXED_FEE' and m.status in ('COMPLETED', 'INVOICED')
				      and (m.status = 'COMPLETED' or i.status = 'DRAFT') %s
				    group by m.project_id
				)
				select s.id, s.code, s.name, s.client_id, s.client_name, s.billing_model, s.currency,
				       r.revenue, w.minutes, w.cost_x60, w.written_off_x60, sp.cost as expense_cost,
				       -- time and expenses are billed on time-and-materials projects only
				       case when s.billing_model = 'TIME_AND_MATERIALS' then ut.unbilled_x60 end as unbilled_x60,
				       case when s.billing_model = 'TIME_AND_MATERIALS'
				            then coalesce(sp.unbilled, 0) + coalesce(de.unbilled, 0) end as expense_unbilled,
				       m.unbilled as milestone_unbilled
				from scope s
				left join revenue r on r.project_id = s.id
				left join work w on w.project_id = s.id
				left join (select project_id, sum(unbilled_x60) as unbilled_x60 from unbilled_time group by project_id) ut
				       on ut.project_id = s.id
				left join spent sp on sp.project_id = s.id
				left join drafted_expenses de on de.project_id = s.id
				left join milestones m on m.project_id = s.id
				where coalesce(r.project_id, w.project_id, ut.project_id, sp.project_id, de.project_id, m.project_id)
				      is not null
				order by s.code
				""".formatted(scope, filter.dateConditions("i.issue_date", params),
				TimeFacts.between(filter.from(), filter.to(),
						"status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF')" + timeScope, "work", params),
				TimeFacts.between(filter.from(), filter.to(), "billable and status = 'APPROVED'" + timeScope,
						"unbilled", params),
				filter.dateConditions("te.work_date", params),
				expenseScope, filter.dateConditions("e.expense_date", params),
				filter.dateConditions("e.expense_date", params), filter.dateConditions("m.completed_on", params));
		return jdbc.query(sql, params, (rs, n) -> {
			BigDecimal revenue = Figures.cents(rs.getBigDecimal("revenue"));
			long minutes = rs.getLong("minutes");
			BigDecimal unbilled = Figures.fromMinuteRate(rs.getBigDecimal("unbilled_x60"))
				.add(Figures.cents(rs.getBigDecimal("expense_unbilled")))
				.add(Figures.cents(rs.getBigDecimal("milestone_unbilled")));
			BigDecimal cost = Figures.fromMinuteRate(rs.getBigDecimal("cost_x60"))
				.add(Figures.cents(rs.getBigDecimal("expense_cost")));
			BigDecimal margin = revenue.subtract(cost);
			BigDecimal effectiveRate = minutes == 0 ? null
					: revenue.multiply(Figures.SIXTY).divide(BigDecimal.valueOf(minutes), 2, RoundingMode.HALF_UP);
			return new Row(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getObject("client_id", UUID.class), rs.getString("client_name"), rs.getString("billing_model"),
					rs.getString("currency"), revenue, unbilled, cost, margin, Figures.percent(margin, revenue),
					Figures.hours(minutes), effectiveRate, Figures.fromMinuteRate(rs.getBigDecimal("written_off_x60")));
		});
	}

}
