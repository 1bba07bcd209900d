package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How fast billing flows, per calendar month (company time zone) of the measured end, from Camunda's history tables
 * (read only, SQL on {@code act_hi_*}) and the invoices:
 * <ul>
 * <li>{@code periodEndToSentDays}: average days from an invoice's period end to the day it was sent (the end of
 * {@code Task_EmailInvoice} or {@code Task_RecordInvoiceSent} in its {@code invoice-to-cash} instance);</li>
 * <li>{@code sentToPaidDays}: average days from the day an invoice was sent to the date of the payment that settled
 * it, per month of that payment (PAID invoices); {@code remindersPerPaidInvoice}: the reminders those invoices got
 * ({@code dunning_reminder}), on average;</li>
 * <li>average hours a task waited from creation to completion, per review task: invoice review (manager, finance),
 * timesheet approval, expense approval (manager, finance);</li>
 * <li>{@code timesheetApprovalLeadHours}: from the week's submission (start of its {@code timesheet-approval}
 * instance) to its approval (the timesheet's decision), for weeks approved in the month.</li>
 * </ul>
 * Camunda's history holds the JVM's local time: run the JVM in the company time zone (as for the billing-run timer).
 * Months: those the range touches; without {@code from}, the 12 months up to the as-of day. Client, project and
 * manager filters apply to the invoice figures; the task and timesheet figures are firm-wide, since a week or an
 * expense review is not one project's.
 */
@Component
public class ProcessPerformanceReport {

	static final int DEFAULT_MONTHS = 12;

	static final List<String> REVIEW_TASKS = List.of("Task_ReviewInvoice", "Task_ReviewInvoiceAsFinance",
			"Task_ApproveTimesheet", "Task_ApproveExpense", "Task_ApproveExpenseAsFinance");

	/**
	 * The {@code invoice-to-cash} instance of invoice {@code i} and the moment it was sent ({@code sent.at}): the last
	 * end of {@code Task_EmailInvoice} or {@code Task_RecordInvoiceSent}. Invoices not sent yet drop out.
	 */
	private static final String JOIN_SENT = """
			join act_hi_procinst pi on pi.business_key_ = 'invoice:' || i.id and pi.proc_def_key_ = 'invoice-to-cash'
			join lateral (
			    select max(a.end_time_) as at from act_hi_actinst a
			    where a.proc_inst_id_ = pi.id_ and a.act_id_ in ('Task_EmailInvoice', 'Task_RecordInvoiceSent')
			      and a.end_time_ is not null
			) sent on sent.at is not null
			""";

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(String month, int invoicesSent, @Nullable BigDecimal periodEndToSentDays,
			@Nullable BigDecimal sentToPaidDays, @Nullable BigDecimal reviewInvoiceHours,
			@Nullable BigDecimal reviewInvoiceFinanceHours, @Nullable BigDecimal approveTimesheetHours,
			@Nullable BigDecimal approveExpenseHours, @Nullable BigDecimal approveExpenseFinanceHours,
			int timesheetsApproved, @Nullable BigDecimal timesheetApprovalLeadHours, int invoicesPaid,
			@Nullable BigDecimal remindersPerPaidInvoice) {
	}

	/** A month's invoices sent, and their average days from period end to sent. */
	private record Sent(int count, @Nullable BigDecimal days) {

		static final Sent NONE = new Sent(0, null);

	}

	/** A month's invoices paid: how many, their average days from sent to paid and reminders each. */
	private record Paid(int count, @Nullable BigDecimal days, @Nullable BigDecimal reminders) {

		static final Paid NONE = new Paid(0, null, null);

	}

	/** A month's approved timesheets and their average hours from submission to approval. */
	private record Approved(int count, @Nullable BigDecimal hours) {

		static final Approved NONE = new Approved(0, null);

	}

	/** A review task's average hours from creation to completion, for tasks completed in a month. */
	private record TaskHours(String month, String task, BigDecimal hours) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ReportClock clock;

	ProcessPerformanceReport(NamedParameterJdbcTemplate jdbc, ReportClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		CustomPlans.forThisTransaction(jdbc);
		LocalDate to = clock.asOf(filter);
		ZoneId zone = clock.zone();
		YearMonth first = filter.from() != null ? YearMonth.from(filter.from())
				: YearMonth.from(to).minusMonths(DEFAULT_MONTHS - 1L);
		YearMonth last = YearMonth.from(to);
		var params = new MapSqlParameterSource().addValue("zone", zone.getId())
			// Camunda's history keeps the JVM's local wall-clock time (timestamp without time zone)
			.addValue("start", first.atDay(1).atStartOfDay())
			.addValue("end", last.plusMonths(1).atDay(1).atStartOfDay())
			.addValue("startInstant", java.sql.Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
			.addValue("endInstant", java.sql.Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.addValue("reviewTasks", REVIEW_TASKS);
		Map<String, Sent> sent = new HashMap<>();
		Map<String, Paid> paid = new HashMap<>();
		sentAndPaid(filter, params, sent, paid);
		Map<String, Map<String, BigDecimal>> reviewHours = reviewHours(params);
		Map<String, Approved> approved = approved(params);
		List<Row> rows = new ArrayList<>();
		for (YearMonth yearMonth = first; !yearMonth.isAfter(last); yearMonth = yearMonth.plusMonths(1)) {
			String month = yearMonth.toString();
			Sent s = sent.getOrDefault(month, Sent.NONE);
			Paid p = paid.getOrDefault(month, Paid.NONE);
			Map<String, BigDecimal> hours = reviewHours.getOrDefault(month, Map.of());
			Approved a = approved.getOrDefault(month, Approved.NONE);
			rows.add(new Row(month, s.count(), s.days(), p.days(), hours.get(REVIEW_TASKS.get(0)),
					hours.get(REVIEW_TASKS.get(1)), hours.get(REVIEW_TASKS.get(2)), hours.get(REVIEW_TASKS.get(3)),
					hours.get(REVIEW_TASKS.get(4)), a.count(), a.hours(), p.count(), p.reminders()));
		}
		return rows;
	}

	/** Sent and paid per month in one statement: when each invoice was sent is looked up in the history once. */
	private void sentAndPaid(ReportFilter filter, MapSqlParameterSource params, Map<String, Sent> sent,
			Map<String, Paid> paid) {
		jdbc.query("""
				with sent_invoice as materialized (
				    select i.id, i.status, i.period_end, sent.at
				    from invoice i join project p on p.id = i.project_id
				    %s
				    where i.status in ('SENT', 'PAID') %s
				)
				select 'SENT' as kind, to_char(s.at, 'YYYY-MM') as month, count(*) as invoices,
				       avg(cast(s.at as date) - s.period_end) as days, null as reminders
				from sent_invoice s
				where s.at >= :start and s.at < :end
				group by 2
				union all
				select 'PAID', to_char(paid.on_day, 'YYYY-MM'), count(*), avg(paid.on_day - cast(s.at as date)),
				       avg((select count(*) from dunning_reminder r where r.invoice_id = s.id))
				from sent_invoice s
				join lateral (select max(pay.payment_date) as on_day from payment pay where pay.invoice_id = s.id) paid
				  on paid.on_day is not null
				where s.status = 'PAID' and paid.on_day >= cast(:start as date) and paid.on_day < cast(:end as date)
				group by 2
				""".formatted(JOIN_SENT, filter.projectConditions("p", params)), params, rs -> {
			String month = rs.getString("month");
			if (rs.getString("kind").equals("SENT")) {
				sent.put(month, new Sent(rs.getInt("invoices"), days(rs.getBigDecimal("days"))));
			}
			else {
				paid.put(month, new Paid(rs.getInt("invoices"), days(rs.getBigDecimal("days")),
						Figures.cents(rs.getBigDecimal("reminders"))));
			}
		});
	}

	/** Month → review task → average hours. */
	private Map<String, Map<String, BigDecimal>> reviewHours(MapSqlParameterSource params) {
		return jdbc.query("""
				select to_char(t.end_time_, 'YYYY-MM') as month, t.task_def_key_ as task,
				       avg(t.duration_) / 3600000.0 as hours
				from act_hi_taskinst t
				where t.task_def_key_ in (:reviewTasks) and t.end_time_ >= :start and t.end_time_ < :end
				group by 1, 2
				""", params,
				(rs, n) -> new TaskHours(rs.getString("month"), rs.getString("task"),
						Figures.cents(rs.getBigDecimal("hours"))))
			.stream()
			.collect(Collectors.groupingBy(TaskHours::month, Collectors.toMap(TaskHours::task, TaskHours::hours)));
	}

	private Map<String, Approved> approved(MapSqlParameterSource params) {
		return byMonth(jdbc.query("""
				select to_char(ts.decided_at at time zone :zone, 'YYYY-MM') as month, count(*) as approved,
				       avg(extract(epoch from ts.decided_at - pi.start_time_)) / 3600 as hours
				from timesheet ts
				join act_hi_procinst pi
				  on pi.business_key_ = 'timesheet:' || ts.person_id || ':' || ts.iso_week
				 and pi.proc_def_key_ = 'timesheet-approval'
				where ts.status = 'APPROVED' and ts.decided_at >= :startInstant and ts.decided_at < :endInstant
				group by 1
				""", params, (rs, n) -> Map.entry(rs.getString("month"),
				new Approved(rs.getInt("approved"), Figures.cents(rs.getBigDecimal("hours"))))));
	}

	private static <T> Map<String, T> byMonth(List<Map.Entry<String, T>> rows) {
		return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Average days to one place, half-up: the one figure of this report {@link Figures} has no rule for (hours and
	 * reminders per invoice take its two places, {@link Figures#cents}).
	 */
	private static BigDecimal days(BigDecimal average) {
		return average.setScale(1, RoundingMode.HALF_UP);
	}

}
