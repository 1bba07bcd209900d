package com.ledgerflow.reporting;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.security.StaffAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each report's p95 latency over 20 calls (HTTP with a logged-in session, as Cockpit calls them, JSON answered) on a
 * firm of 1,000 projects, 200 people and 1,000,000 time entries (a year of them, plus 12,000 invoices and their
 * claims), against the p95 of one plain SQL aggregate computing the same figures from the ledger tables (never from
 * the maintained aggregate the reports read, {@link TimeFacts}), in the same run. Seeded with
 * {@code generate_series} SQL in a few statements. Run with {@code ./mvnw -Pbench verify}; prints
 * {@code BENCH report_<name>_p95 <ms> ms ratio=<report / plain SQL>}.
 */
@Tag("benchmark")
@IntegrationTest
class ReportsBenchmarkTests {

	static final int WARM_UP = 3;

	static final int CALLS = 20;

	static final String RANGE = "from=2025-11&to=2026-10";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	TimeRollupFolder folder;

	@Test
	void everyReportAgainstItsPlainSqlAggregate() {
		TestUsers.ensure(accounts);
		long seeding = System.nanoTime();
		seed(UUID.randomUUID().toString().substring(0, 6));
		System.out.printf(Locale.ROOT, "seeded 1,000,000 time entries in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
		long folding = System.nanoTime();
		folder.fold();
		jdbc.execute("vacuum analyze");
		System.out.printf(Locale.ROOT, "folded them into %d rollup rows in %.1f s%n",
				jdbc.queryForObject("select count(*) from time_rollup", Long.class), (System.nanoTime() - folding) / 1e9);
		TestBrowser session = TestBrowser.loggedIn(port, TestUsers.MANAGER);
		var params = new MapSqlParameterSource().addValue("from", LocalDate.parse("2025-11-01"))
			.addValue("to", LocalDate.parse("2026-10-31"))
			.addValue("paceStart", LocalDate.parse("2026-09-28"))
			.addValue("periodEnd", LocalDate.parse("2026-09-30"))
			.addValue("firstMonday", LocalDate.parse("2025-10-27"))
			.addValue("lastSunday", LocalDate.parse("2026-11-01"));
		Map<String, String> plain = new LinkedHashMap<>();
		plain.put("profitability", """
				select p.id, w.minutes, w.cost, w.written_off, w.unbilled, r.revenue, e.cost, m.unbilled
				from project p
				left join (select project_id, sum(minutes) as minutes, sum(minutes * cost_rate) / 60 as cost,
				                  sum(minutes * bill_rate) filter (where status = 'WRITTEN_OFF') / 60 as written_off,
				                  sum(minutes * bill_rate) filter (where status = 'APPROVED' and billable) / 60 as unbilled
				           from time_entry
				           where status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF') and work_date between :from and :to
				           group by project_id) w on w.project_id = p.id
				left join (select project_id, sum(subtotal) as revenue from invoice
				           where status in ('APPROVED', 'POSTED', 'SENT', 'PAID') and issue_date between :from and :to
				           group by project_id) r on r.project_id = p.id
				left join (select project_id, sum(project_amount) as cost from expense
				           where status in ('APPROVED', 'INVOICED') and expense_date between :from and :to
				           group by project_id) e on e.project_id = p.id
				left join (select project_id, sum(amount) as unbilled from milestone
				           where status = 'COMPLETED' and completed_on between :from and :to
				           group by project_id) m on m.project_id = p.id
				where coalesce(w.project_id, r.project_id, e.project_id, m.project_id) is not null""");
		plain.put("budget", """
				select te.project_id, sum(te.minutes), sum(te.minutes * te.bill_rate) / 60,
				       sum(te.minutes) filter (where te.work_date >= :paceStart) / 4
				from time_entry te
				where te.status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF') and te.work_date <= :to
				group by te.project_id""");
		plain.put("utilization", """
				select te.person_id, te.iso_week, sum(te.minutes) filter (where te.billable),
				       sum(te.minutes) filter (where not te.billable)
				from time_entry te
				where te.status <> 'REJECTED' and te.work_date between :firstMonday and :lastSunday
				group by te.person_id, te.iso_week""");
		plain.put("receivables", """
				select o.client_id, sum(o.open) filter (where :to - o.due_date <= 0),
				       sum(o.open) filter (where :to - o.due_date between 1 and 30),
				       sum(o.open) filter (where :to - o.due_date between 31 and 60),
				       sum(o.open) filter (where :to - o.due_date between 61 and 90),
				       sum(o.open) filter (where :to - o.due_date > 90), sum(o.open), count(*), max(r.revenue)
				from (select i.client_id, i.due_date, i.total - coalesce(paid.amount, 0) as open
				      from invoice i
				      left join (select invoice_id, sum(applied_amount) as amount from payment
				                 where payment_date <= :to group by invoice_id) paid on paid.invoice_id = i.id
				      where i.status in ('POSTED', 'SENT', 'PAID') and i.issue_date <= :to
				        and not exists (select 1 from dunning_follow_up wo
				                        where wo.invoice_id = i.id and wo.outcome = 'WRITTEN_OFF')) o
				left join (select client_id, sum(total) as revenue from invoice
				           where status in ('APPROVED', 'POSTED', 'SENT', 'PAID') and issue_date > :to - 90
				             and issue_date <= :to group by client_id) r on r.client_id = o.client_id
				where o.open > 0
				group by o.client_id""");
		plain.put("leakage", """
				select te.person_id, te.iso_week, te.project_id, min(te.work_date), count(*), sum(te.minutes),
				       sum(te.minutes * te.bill_rate) / 60
				from time_entry te join project p on p.id = te.project_id
				where p.billing_model = 'TIME_AND_MATERIALS' and te.status = 'APPROVED' and te.billable
				  and te.work_date between :from and :periodEnd
				group by te.person_id, te.iso_week, te.project_id
				union all
				select null, t.name, te.project_id, min(te.work_date), count(*), sum(te.minutes),
				       sum(te.minutes * te.bill_rate) / 60
				from time_entry te join project p on p.id = te.project_id join project_task t on t.id = te.task_id
				where p.billing_model = 'TIME_AND_MATERIALS' and not t.billable
				  and te.status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF') and te.work_date between :from and :to
				group by te.project_id, t.name
				union all
				select null, i.number, te.project_id, min(i.issue_date), count(*), sum(te.minutes),
				       sum(te.minutes * te.bill_rate) / 60
				from time_entry te join invoice_item ii on ii.item_type = 'TIME_ENTRY' and ii.item_id = te.id
				join invoice i on i.id = ii.invoice_id
				where te.status = 'WRITTEN_OFF' and te.work_date between :from and :to
				group by te.project_id, i.id, i.number
				union all
				select e.person_id, e.vendor, e.project_id, e.expense_date, 1, 0, e.project_amount
				from expense e
				where e.status = 'APPROVED' and e.billable and e.expense_date between :from and :periodEnd
				union all
				select null, 'draft', i.project_id, i.period_start, 1, 0, i.total
				from invoice i where i.status = 'DRAFT' and i.created_at < now() - interval '7 days'""");
		plain.put("process-performance", """
				select to_char(sent.at, 'YYYY-MM'), 'sent', count(*), avg(cast(sent.at as date) - i.period_end)
				from invoice i
				join act_hi_procinst pi on pi.business_key_ = 'invoice:' || i.id and pi.proc_def_key_ = 'invoice-to-cash'
				join lateral (select max(a.end_time_) as at from act_hi_actinst a
				              where a.proc_inst_id_ = pi.id_ and a.act_id_ = 'Task_EmailInvoice') sent on sent.at is not null
				where i.status in ('SENT', 'PAID') and sent.at >= :from and sent.at < :to + 1
				group by 1
				union all
				select to_char(pay.on_day, 'YYYY-MM'), 'paid', count(*), avg(pay.on_day - i.issue_date)
				from invoice i join (select invoice_id, max(payment_date) as on_day from payment group by invoice_id) pay
				  on pay.invoice_id = i.id
				where i.status = 'PAID' and pay.on_day between :from and :to
				group by 1
				union all
				select to_char(end_time_, 'YYYY-MM'), task_def_key_, count(*), avg(duration_) / 3600000.0
				from act_hi_taskinst where end_time_ >= :from and end_time_ < :to + 1 group by 1, 2
				union all
				select to_char(ts.decided_at, 'YYYY-MM'), 'timesheet', count(*),
				       avg(extract(epoch from ts.decided_at - pi.start_time_)) / 3600
				from timesheet ts join act_hi_procinst pi on pi.business_key_ = 'timesheet:' || ts.person_id || ':'
				     || ts.iso_week and pi.proc_def_key_ = 'timesheet-approval'
				where ts.status = 'APPROVED' and ts.decided_at >= :from and ts.decided_at < :to + 1
				group by 1""");
		plain.forEach((report, sql) -> {
			double reportP95 = p95(() -> {
				HttpResponse<String> answer = session.get("/api/v1/reports/" + report + "?" + RANGE);
				assertThat(answer.statusCode()).as(report).isEqualTo(200);
			});
			double sqlP95 = p95(() -> named.queryForList(sql, params));
			System.out.printf(Locale.ROOT, "BENCH report_%s_p95 %.1f ms ratio=%.2f%n", report.replace('-', '_'),
					reportP95, reportP95 / sqlP95);
		});
	}

	private static double p95(Runnable call) {
		for (int i = 0; i < WARM_UP; i++) {
			call.run();
		}
		double[] millis = new double[CALLS];
		for (int i = 0; i < CALLS; i++) {
			long start = System.nanoTime();
			call.run();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis[(int) Math.ceil(CALLS * 0.95) - 1];
	}

	/** 50 clients, 200 people, 1,000 projects (every tenth fixed fee), 1,000,000 entries, 12,000 invoices. */
	void seed(String p) {
		jdbc.update("""
				insert into client (id, name, currency, payment_terms_days, tax_rate, created_at, version)
				select md5(? || 'c' || g)::uuid, 'Bench ' || ? || ' client ' || g, 'USD', 30, 8.000, now(), 0
				from generate_series(1, 50) g""", p, p);
		jdbc.update("""
				insert into person (id, name, email, user_id, cost_rate, default_bill_rate, active, created_at, version)
				select md5(? || 'p' || g)::uuid, 'Bench person ' || g, 'bench-' || ? || '-' || g || '@firm.test',
				       'bench-' || ? || '-' || g, 55.00 + g % 20, 140.00 + g % 30, true, now(), 0
				from generate_series(1, 200) g""", p, p, p);
		jdbc.update("""
				insert into project (id, client_id, code, name, billing_model, billing_cycle, budget_hours, budget_amount,
				  status, manager_id, created_at, version)
				select md5(? || 'j' || g)::uuid, md5(? || 'c' || (g % 50 + 1))::uuid, 'B' || ? || '-' || g,
				       'Bench project ' || g, case when g % 10 = 0 then 'FIXED_FEE' else 'TIME_AND_MATERIALS' end,
				       case when g % 10 = 0 then 'MILESTONE' else 'MONTHLY' end, 2000, 300000, 'ACTIVE',
				       md5(? || 'p' || (g % 20 + 1))::uuid, now(), 0
				from generate_series(1, 1000) g""", p, p, p, p);
		jdbc.update("""
				insert into project_task (id, project_id, name, due_date, priority, billable, status, created_at, version)
				select md5(? || t.kind || g)::uuid, md5(? || 'j' || g)::uuid, t.name, date '2026-12-31', 'NORMAL',
				       t.billable, 'OPEN', now(), 0
				from generate_series(1, 1000) g
				cross join (values ('t', 'Delivery', true), ('n', 'Internal', false)) as t(kind, name, billable)""",
				p, p);
		jdbc.update("""
				insert into milestone (id, project_id, name, amount, due_date, status, completed_on, created_at, version)
				select md5(? || 'm' || g || '-' || k)::uuid, md5(? || 'j' || g)::uuid, 'Milestone ' || k, 10000,
				       date '2026-03-31' + k * 90, case when k = 1 then 'COMPLETED' else 'PLANNED' end,
				       case when k = 1 then date '2026-06-30' end, now(), 0
				from generate_series(10, 1000, 10) g cross join generate_series(1, 3) k""", p, p);
		jdbc.update("""
				insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, notes, billable,
				  status, bill_rate, cost_rate, origin, created_at, updated_at, version)
				select md5(? || 'e' || g)::uuid, md5(? || 'p' || (g % 200 + 1))::uuid,
				       md5(? || 'j' || ((g * 7) % 1000 + 1))::uuid,
				       md5(? || case when g % 10 = 0 then 'n' else 't' end || ((g * 7) % 1000 + 1))::uuid,
				       d, to_char(d, 'IYYY-"W"IW'), 30 + (g % 8) * 30, 'bench', g % 10 <> 0,
				       case when d < date '2026-10-01' then
				                case g % 20 when 0 then 'WRITTEN_OFF' when 1 then 'APPROVED' else 'INVOICED' end
				            else case g % 4 when 0 then 'SUBMITTED' else 'APPROVED' end end,
				       150.00, 60.00, 'WEB', now(), now(), 0
				from generate_series(1, 1000000) g
				cross join lateral (select date '2025-11-03' + (g % 364) as d) day""", p, p, p, p);
		jdbc.update("""
				insert into invoice (id, project_id, client_id, period_start, period_end, currency, status, number,
				  issue_date, due_date, payment_terms_days, tax_rate, subtotal, tax, total, created_at, version,
				  public_token)
				select md5(? || 'i' || g || '-' || m)::uuid, md5(? || 'j' || g)::uuid,
				       md5(? || 'c' || (g % 50 + 1))::uuid, s, (s + interval '1 month - 1 day')::date, 'USD',
				       case when m < 11 then 'SENT' else 'POSTED' end, 'B' || ? || '-' || g || '-' || m,
				       (s + interval '1 month')::date, (s + interval '1 month 30 days')::date, 30, 8.000,
				       10000.00, 800.00, 10800.00, now(), 0, md5(? || 't' || g || '-' || m)
				from generate_series(1, 1000) g cross join generate_series(0, 11) m
				cross join lateral (select (date '2025-10-01' + m * interval '1 month')::date as s) period""",
				p, p, p, p, p);
		jdbc.update("""
				insert into invoice_item (item_type, item_id, invoice_id, written_off_reason)
				select 'TIME_ENTRY', te.id,
				       md5(? || 'i' || ((g * 7) % 1000 + 1) || '-'
				           || ((extract(year from te.work_date) - 2025) * 12 + extract(month from te.work_date) - 10))::uuid,
				       case when te.status = 'WRITTEN_OFF' then 'bench write-off' end
				from generate_series(1, 1000000) g
				join time_entry te on te.id = md5(? || 'e' || g)::uuid
				where te.status in ('INVOICED', 'WRITTEN_OFF')""", p, p);
		history(p);
		jdbc.execute("analyze");
	}

	/**
	 * What the process performance report reads: for each invoice an {@code invoice-to-cash} instance in Camunda's
	 * history with its e-mail step two days after issue and a review task, the invoices of the first nine months paid
	 * (a payment five days before due; every third one after two reminders), and a year of approved timesheets with
	 * their {@code timesheet-approval} instances.
	 */
	private void history(String p) {
		jdbc.update("""
				update invoice set status = 'PAID' where number like 'B' || ? || '-%' and issue_date < date '2026-07-01'""",
				p);
		jdbc.update("""
				insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date, method,
				  reference, origin, recorded_at, recorded_by)
				select md5(i.id || 'pay')::uuid, i.id, i.client_id, i.total, i.total, 'USD', i.due_date - 5,
				       'BANK_TRANSFER', 'bench', 'MANUAL', now(), 'bench'
				from invoice i where i.number like 'B' || ? || '-%' and i.status = 'PAID'""", p);
		jdbc.update("""
				insert into dunning_reminder (id, invoice_id, step, action, template, sent_on, sent_at, recipients,
				  open_balance, currency)
				select md5(i.id || 'r' || k)::uuid, i.id, 'step-' || k, 'REMIND', 'reminder', i.due_date + k,
				       i.due_date + k, 'ap@client.test', i.total, 'USD'
				from invoice i cross join generate_series(1, 2) k
				where i.number like 'B' || ? || '-%' and i.status = 'PAID' and abs(hashtext(i.number)) % 3 = 0""", p);
		jdbc.update("""
				insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_)
				select 'b' || ? || i.number, 'b' || ? || i.number, 'invoice:' || i.id, 'invoice-to-cash',
				       'invoice-to-cash:bench', i.issue_date
				from invoice i where i.number like 'B' || ? || '-%'""", p, p, p);
		jdbc.update("""
				insert into act_hi_actinst (id_, proc_def_id_, proc_def_key_, proc_inst_id_, execution_id_, act_id_,
				  act_type_, start_time_, end_time_, duration_)
				select 'b' || ? || i.number || '-mail', 'invoice-to-cash:bench', 'invoice-to-cash', 'b' || ? || i.number,
				       'b' || ? || i.number, 'Task_EmailInvoice', 'serviceTask', i.issue_date + interval '2 days 10 hours',
				       i.issue_date + interval '2 days 10 hours 1 second', 1000
				from invoice i where i.number like 'B' || ? || '-%'""", p, p, p, p);
		jdbc.update("""
				insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_inst_id_, execution_id_, name_,
				  start_time_, end_time_, duration_)
				select 'b' || ? || i.number || '-review', 'Task_ReviewInvoice', 'invoice-to-cash', 'b' || ? || i.number,
				       'b' || ? || i.number, 'Review invoice', i.issue_date + interval '9 hours',
				       i.issue_date + interval '1 day 9 hours' + (abs(hashtext(i.number)) % 600) * interval '1 minute',
				       (86400 + (abs(hashtext(i.number)) % 600) * 60) * 1000::bigint
				from invoice i where i.number like 'B' || ? || '-%'""", p, p, p, p);
		jdbc.update("""
				insert into timesheet (person_id, iso_week, status, submitted_at, decided_at, decided_by, version)
				select md5(? || 'p' || g)::uuid, to_char(w, 'IYYY-"W"IW'), 'APPROVED', w + interval '4 days 17 hours',
				       w + interval '7 days 11 hours' + (g % 48) * interval '1 hour', 'bench', 0
				from generate_series(1, 200) g
				cross join generate_series(date '2025-11-03', date '2026-10-26', interval '7 days') w""", p);
		jdbc.update("""
				insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_)
				select 'b' || ? || ts.person_id || ts.iso_week, 'b' || ? || ts.person_id || ts.iso_week,
				       'timesheet:' || ts.person_id || ':' || ts.iso_week, 'timesheet-approval', 'timesheet-approval:bench',
				       ts.submitted_at
				from timesheet ts join person pe on pe.id = ts.person_id where pe.user_id like 'bench-' || ? || '-%'""",
				p, p, p);
	}

}
