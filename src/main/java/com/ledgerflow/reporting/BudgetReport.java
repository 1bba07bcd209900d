package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget vs. actual per project with an hour or amount budget, project to date up to the as-of day ({@code to}, or
 * today; {@code from} does not apply — a budget covers the whole project):
 * <ul>
 * <li>actual hours: approved time (APPROVED, INVOICED, WRITTEN_OFF); actual amount: that time at its frozen bill
 * rate plus approved billable expenses with markup; burn % = actual / budget × 100;</li>
 * <li>weekly pace: the average of the last 4 full ISO weeks before the as-of day's week;</li>
 * <li>planned end: the latest due date of the project's tasks and milestones; projected = actual + pace × weeks
 * from the as-of day to the planned end (none: actual); projected overrun = projected − budget when above zero;
 * weeks to budget = what is left / pace;</li>
 * <li>milestones due: planned (not completed) milestones due within 30 days of the as-of day, overdue ones
 * included; the next one by due date.</li>
 * </ul>
 */
@Component
public class BudgetReport {

	static final int MILESTONE_HORIZON_DAYS = 30;

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(UUID projectId, String projectCode, String projectName, String clientName, String currency,
			@Nullable BigDecimal budgetHours, BigDecimal actualHours, @Nullable BigDecimal hoursBurnPercent,
			@Nullable BigDecimal budgetAmount, BigDecimal actualAmount, @Nullable BigDecimal amountBurnPercent,
			BigDecimal weeklyPaceHours, BigDecimal weeklyPaceAmount, @Nullable LocalDate plannedEnd,
			BigDecimal projectedHours, BigDecimal projectedOverrunHours, BigDecimal projectedAmount,
			BigDecimal projectedOverrunAmount, @Nullable BigDecimal weeksToBudget, int milestonesDue,
			int milestonesOverdue, @Nullable String nextMilestone, @Nullable LocalDate nextMilestoneDue) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ReportClock clock;

	BudgetReport(NamedParameterJdbcTemplate jdbc, ReportClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		CustomPlans.forThisTransaction(jdbc);
		LocalDate asOf = clock.asOf(filter);
		LocalDate paceEnd = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusDays(1);
		LocalDate paceStart = paceEnd.minusDays(27);
		var params = new MapSqlParameterSource().addValue("asOf", asOf)
			.addValue("paceStart", paceStart)
			.addValue("paceEnd", paceEnd)
			.addValue("horizon", asOf.plusDays(MILESTONE_HORIZON_DAYS));
		String sql = """
				with scope as not materialized (
				    select p.id, p.code, p.name, p.budget_hours, p.budget_amount, c.name as client_name, c.currency
				    from project p join client c on c.id = p.client_id
				    where (p.budget_hours is not null or p.budget_amount is not null) %s
				), work as (
				    -- the pace weeks are whole pieces (Monday to Sunday), so a piece's first day tells if it counts
				    select te.project_id, sum(te.minutes) as minutes, sum(te.bill_x60) as value_x60,
				           sum(te.minutes) filter (where te.day >= :paceStart and te.day <= :paceEnd) as pace_minutes,
				           sum(te.bill_x60) filter (where te.day >= :paceStart and te.day <= :paceEnd) as pace_value_x60
				    from %s te
				    group by te.project_id
				    having sum(te.entries) <> 0
				), spent as (
				    select e.project_id,
				           sum(e.project_amount + round(e.project_amount * e.markup_percent / 100, 2)) as value,
				           sum(e.project_amount + round(e.project_amount * e.markup_percent / 100, 2)) filter (
				               where e.expense_date >= :paceStart and e.expense_date <= :paceEnd) as pace_value
				    from expense e
				    where e.status in ('APPROVED', 'INVOICED') and e.billable and e.expense_date <= :asOf %s
				    group by e.project_id
				), plan_end as (
				    select project_id, max(due_date) as planned_end from (
				        select t.project_id, t.due_date from project_task t join scope s on s.id = t.project_id
				        union all
				        select m.project_id, m.due_date from milestone m join scope s on s.id = m.project_id
				    ) due group by project_id
				), due as (
				    select m.project_id, count(*) as due_count, count(*) filter (where m.due_date < :asOf) as overdue,
				           (array_agg(m.name order by m.due_date, m.name))[1] as next_name, min(m.due_date) as next_due
				    from milestone m join scope s on s.id = m.project_id
				    where m.status = 'PLANNED' and m.due_date <= :horizon
				    group by m.project_id
				)
				select s.*, w.minutes, w.value_x60, w.pace_minutes, w.pace_value_x60, sp.value as expense_value,
				       sp.pace_value as expense_pace_value, pe.planned_end, d.due_count, d.overdue, d.next_name, d.next_due
				from scope s
				left join work w on w.project_id = s.id
				left join spent sp on sp.project_id = s.id
				left join plan_end pe on pe.project_id = s.id
				left join due d on d.project_id = s.id
				order by s.code
				""".formatted(filter.projectConditions("p", params),
				// aggregated whole and joined to the projects afterwards; narrowed first only with a project filter
				TimeFacts.between(null, asOf, "status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF')"
						+ (filter.scopedToProjects() ? " and project_id in (select id from scope)" : ""), "work", params),
				filter.scopedToProjects() ? " and e.project_id in (select id from scope)" : "");
		return jdbc.query(sql, params, (rs, n) -> {
			BigDecimal budgetHours = rs.getBigDecimal("budget_hours");
			BigDecimal budgetAmount = rs.getBigDecimal("budget_amount");
			long minutes = rs.getLong("minutes");
			long paceMinutes = rs.getLong("pace_minutes");
			BigDecimal valueExact = exactValue(rs.getBigDecimal("value_x60"), rs.getBigDecimal("expense_value"));
			BigDecimal paceValueExact = exactValue(rs.getBigDecimal("pace_value_x60"),
					rs.getBigDecimal("expense_pace_value"));
			Date plannedEndDate = rs.getDate("planned_end");
			LocalDate plannedEnd = plannedEndDate == null ? null : plannedEndDate.toLocalDate();
			long daysLeft = plannedEnd == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(asOf, plannedEnd));
			BigDecimal exactHours = BigDecimal.valueOf(minutes).divide(Figures.SIXTY, 10, RoundingMode.HALF_UP);
			BigDecimal paceHoursPerWeek = BigDecimal.valueOf(paceMinutes).divide(BigDecimal.valueOf(240), 10,
					RoundingMode.HALF_UP);
			BigDecimal paceAmountPerWeek = paceValueExact.divide(BigDecimal.valueOf(4), 10, RoundingMode.HALF_UP);
			BigDecimal weeksLeft = BigDecimal.valueOf(daysLeft).divide(BigDecimal.valueOf(7), 10, RoundingMode.HALF_UP);
			BigDecimal projectedHours = exactHours.add(paceHoursPerWeek.multiply(weeksLeft));
			BigDecimal projectedAmount = valueExact.add(paceAmountPerWeek.multiply(weeksLeft));
			BigDecimal actualHours = Figures.hours(minutes);
			BigDecimal actualAmount = Figures.cents(valueExact);
			Date nextDue = rs.getDate("next_due");
			return new Row(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("client_name"), rs.getString("currency"), budgetHours, actualHours,
					Figures.percent(actualHours, budgetHours), budgetAmount, actualAmount,
					Figures.percent(actualAmount, budgetAmount), Figures.cents(paceHoursPerWeek),
					Figures.cents(paceAmountPerWeek), plannedEnd, Figures.cents(projectedHours),
					overrun(projectedHours, budgetHours), Figures.cents(projectedAmount),
					overrun(projectedAmount, budgetAmount), weeksToBudget(exactHours, budgetHours, paceHoursPerWeek),
					rs.getInt("due_count"), rs.getInt("overdue"), rs.getString("next_name"),
					nextDue == null ? null : nextDue.toLocalDate());
		});
	}

	private static BigDecimal exactValue(@Nullable BigDecimal timeX60, @Nullable BigDecimal expenses) {
		return Figures.zeroIfNull(timeX60)
			.divide(Figures.SIXTY, 10, RoundingMode.HALF_UP)
			.add(Figures.zeroIfNull(expenses));
	}

	private static BigDecimal overrun(BigDecimal projected, @Nullable BigDecimal budget) {
		if (budget == null || projected.compareTo(budget) <= 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return Figures.cents(projected.subtract(budget));
	}

	private static @Nullable BigDecimal weeksToBudget(BigDecimal hours, @Nullable BigDecimal budget, BigDecimal pace) {
		if (budget == null || pace.signum() == 0) {
			return null;
		}
		return budget.subtract(hours).max(BigDecimal.ZERO).divide(pace, 1, RoundingMode.HALF_UP);
	}

}
