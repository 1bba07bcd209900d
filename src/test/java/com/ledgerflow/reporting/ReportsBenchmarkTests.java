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
 * claims), against the p95 of one plain SQL aggregate computing the same figures, in the same run. Seeded with
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

	@Test
	void everyReportAgainstItsPlainSqlAggregate() {
		TestUsers.ensure(accounts);
		long seeding = System.nanoTime();
		seed(UUID.randomUUID().toString().substring(0, 6));
		System.out.printf(Locale.ROOT, "seeded 1,000,000 time entries in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
		TestBrowser session = TestBrowser.loggedIn(port, TestUsers.MANAGER);
		var params = new MapSqlParameterSource().addValue("from", LocalDate.parse("2025-11-01"))
			.addValue("to", LocalDate.parse("2026-10-31"))
			.addValue("paceStart", LocalDate.parse("2026-09-28"))
			.addValue("periodEnd", LocalDate.parse("2026-09-30"));
		Map<String, String> plain = new LinkedHashMap<>();
		plain.put("profitability", """
				select te.project_id, sum(te.minutes), sum(te.minutes * te.cost_rate) / 60,
				       sum(te.minutes * te.bill_rate) filter (where te.status = 'WRITTEN_OFF') / 60,
				       sum(te.minutes * te.bill_rate) filter (where te.status = 'APPROVED' and te.billable) / 60,
				       max(r.revenue)
				from time_entry te
				left join (select project_id, sum(subtotal) as revenue from invoice
				           where status in ('APPROVED', 'POSTED', 'SENT') and issue_date between :from and :to
				           group by project_id) r on r.project_id = te.project_id
				where te.status in ('APPROVED', 'INVOICED', 'WRITTEN_OFF') and te.work_date between :from and :to
				group by te.project_id""");
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
				where te.status <> 'REJECTED' and te.work_date between :from and :to
				group by te.person_id, te.iso_week""");
		plain.put("receivables", """
				select client_id, sum(total) filter (where :to - due_date <= 0),
				       sum(total) filter (where :to - due_date between 1 and 30),
				       sum(total) filter (where :to - due_date > 30), sum(total)
				from invoice where status in ('POSTED', 'SENT') and issue_date <= :to
				group by client_id""");
		plain.put("leakage", """
				select te.person_id, te.iso_week, te.project_id, sum(te.minutes), sum(te.minutes * te.bill_rate) / 60
				from time_entry te
				where te.status = 'APPROVED' and te.billable and te.work_date <= :periodEnd
				group by te.person_id, te.iso_week, te.project_id""");
		plain.put("process-performance", """
				select to_char(end_time_, 'YYYY-MM'), task_def_key_, avg(duration_)
				from act_hi_taskinst where end_time_ is not null group by 1, 2""");

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
	private void seed(String p) {
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
		jdbc.execute("analyze");
	}

}
