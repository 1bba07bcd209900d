package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small firm with known numbers, written straight into the ledger tables (the reports read them with SQL, so the
 * rows are the input): one client (USD, 30 days, 10 % tax), a manager and two consultants, a T&amp;M project with
 * a billable and a non-billable task, a fixed-fee project with three milestones, time in every status, expenses,
 * a sent, a posted, a voided and a stale draft invoice. The expected figures are worked out in
 * {@link ReportsIntegrationTests}. Every name and number is unique per instance, so the shared database's other rows
 * never match the report filters (client id).
 */
final class ReportingTestFirm {

	final UUID client = UUID.randomUUID();

	final UUID manager = UUID.randomUUID();

	final UUID ann = UUID.randomUUID();

	final UUID ben = UUID.randomUUID();

	final UUID build = UUID.randomUUID();

	final UUID fixedFee = UUID.randomUUID();

	final UUID billableTask = UUID.randomUUID();

	final UUID internalTask = UUID.randomUUID();

	final UUID sentInvoice = UUID.randomUUID();

	final UUID staleDraft = UUID.randomUUID();

	final UUID postedInvoice = UUID.randomUUID();

	final UUID voidedInvoice = UUID.randomUUID();

	final UUID writtenOffEntry = UUID.randomUUID();

	final UUID unbilledEntry = UUID.randomUUID();

	final UUID unbilledExpense = UUID.randomUUID();

	final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	final String buildCode = "RPT-" + suffix;

	final String fixedFeeCode = "RPF-" + suffix;

	final String sentNumber = "RPT-" + suffix + "-1";

	private final JdbcTemplate jdbc;

	ReportingTestFirm(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	ReportingTestFirm create() {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				insert into client (id, name, currency, payment_terms_days, tax_rate, created_at, version)
				values (?, ?, 'USD', 30, 10.000, ?, 0)""", client, "Reports Client " + suffix, now);
		person(manager, "Mia Manager " + suffix, "50.00", "150.00");
		person(ann, "Ann Analyst " + suffix, "60.00", "150.00");
		person(ben, "Ben Builder " + suffix, "45.50", "120.00");
		project(build, buildCode, "TIME_AND_MATERIALS", "MONTHLY", "100.00", "15000.00");
		project(fixedFee, fixedFeeCode, "FIXED_FEE", "MILESTONE", "50.00", null);
		jdbc.update("""
				insert into project_task (id, project_id, name, assignee_id, due_date, priority, billable, status,
				  created_at, version)
				values (?, ?, 'Build', ?, date '2026-12-31', 'NORMAL', true, 'OPEN', ?, 0),
				       (?, ?, 'Internal meetings', null, null, 'NORMAL', false, 'OPEN', ?, 0)""", billableTask, build,
				ann, now, internalTask, build, now);
		UUID kickoff = UUID.randomUUID();
		jdbc.update("""
				insert into milestone (id, project_id, name, amount, due_date, status, completed_on, created_at, version)
				values (?, ?, 'Kickoff', 3000.00, date '2026-08-10', 'INVOICED', date '2026-08-12', ?, 0),
				       (?, ?, 'Design signed off', 10000.00, date '2026-10-15', 'COMPLETED', date '2026-10-20', ?, 0),
				       (?, ?, 'Go-live', 5000.00, date '2026-12-05', 'PLANNED', null, ?, 0)""", kickoff, fixedFee, now,
				UUID.randomUUID(), fixedFee, now, UUID.randomUUID(), fixedFee, now);

		UUID invoicedEntry = UUID.randomUUID();
		UUID draftEntry = UUID.randomUUID();
		time(invoicedEntry, ann, build, billableTask, "2026-10-05", 240, true, "INVOICED", "150.00", "60.00");
		time(writtenOffEntry, ann, build, billableTask, "2026-10-06", 180, true, "WRITTEN_OFF", "150.00", "60.00");
		time(unbilledEntry, ben, build, billableTask, "2026-10-14", 90, true, "APPROVED", "120.00", "45.50");
		time(UUID.randomUUID(), ben, build, internalTask, "2026-11-03", 60, false, "APPROVED", "120.00", "45.50");
		time(draftEntry, ann, build, billableTask, "2026-11-10", 120, true, "INVOICED", "150.00", "60.00");
		time(UUID.randomUUID(), ann, build, billableTask, "2026-11-11", 30, true, "SUBMITTED", null, null);
		time(UUID.randomUUID(), ann, build, billableTask, "2026-11-12", 45, true, "REJECTED", null, null);
		time(UUID.randomUUID(), ben, fixedFee, null, "2026-10-21", 300, false, "APPROVED", "120.00", "45.50");

		UUID invoicedExpense = UUID.randomUUID();
		expense(invoicedExpense, ann, "2026-10-07", "TRAVEL", "Air Travel Co", "200.00", true, "10.00", "INVOICED");
		expense(unbilledExpense, ben, "2026-10-20", "SOFTWARE", "Tool Vendor", "99.99", true, "15.00", "APPROVED");
		expense(UUID.randomUUID(), ann, "2026-11-05", "OTHER", "Team lunch", "40.00", false, "0.00", "APPROVED");

		invoice(sentInvoice, build, "SENT", sentNumber, "2026-10-01", "2026-10-31", "2026-11-02", "2026-12-02", "800.00",
				"80.00", now);
		line(sentInvoice, 1, "TIME", "Build", "4.00000000", "150.00", "600.00");
		line(sentInvoice, 2, "EXPENSE", "Air Travel Co", "1", "220.00", "220.00");
		line(sentInvoice, 3, "DISCOUNT", "Loyalty", "1", "-20.00", "-20.00");
		item("TIME_ENTRY", invoicedEntry, sentInvoice, null);
		item("TIME_ENTRY", writtenOffEntry, sentInvoice, "Rework after a misunderstanding");
		item("EXPENSE", invoicedExpense, sentInvoice, null);

		invoice(postedInvoice, fixedFee, "POSTED", "RPF-" + suffix + "-1", "2026-08-01", "2026-08-31", "2026-08-15",
				"2026-09-14", "3000.00", "300.00", now);
		line(postedInvoice, 1, "MILESTONE", "Milestone: Kickoff", "1", "3000.00", "3000.00");
		item("MILESTONE", kickoff, postedInvoice, null);

		invoice(voidedInvoice, build, "VOIDED", "RPT-" + suffix + "-V", "2026-09-01", "2026-09-30", "2026-10-15",
				"2026-11-14", "500.00", "50.00", now);
		line(voidedInvoice, 1, "TIME", "Build", "3.33333334", "150.00", "500.00");

		invoice(staleDraft, build, "DRAFT", null, "2026-11-01", "2026-11-30", "2026-11-12", "2026-12-12", "300.00",
				"30.00", Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS)));
		line(staleDraft, 1, "TIME", "Build", "2.00000000", "150.00", "300.00");
		item("TIME_ENTRY", draftEntry, staleDraft, null);
		return this;
	}

	private void person(UUID id, String name, String costRate, String billRate) {
		String user = "rpt-" + id.toString().substring(0, 13);
		jdbc.update("""
				insert into person (id, name, email, user_id, cost_rate, default_bill_rate, active, created_at, version)
				values (?, ?, ?, ?, ?, ?, true, now(), 0)""", id, name, user + "@firm.test", user,
				new BigDecimal(costRate), new BigDecimal(billRate));
	}

	private void project(UUID id, String code, String model, String cycle, String hours, @Nullable String amount) {
		jdbc.update("""
				insert into project (id, client_id, code, name, billing_model, billing_cycle, budget_hours, budget_amount,
				  status, manager_id, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, now(), 0)""", id, client, code, code + " project", model,
				cycle, new BigDecimal(hours), amount == null ? null : new BigDecimal(amount), manager);
	}

	private void time(UUID id, UUID person, UUID project, @Nullable UUID task, String day, int minutes,
			boolean billable, String status, @Nullable String billRate, @Nullable String costRate) {
		LocalDate date = LocalDate.parse(day);
		jdbc.update("""
				insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, notes, billable,
				  status, bill_rate, cost_rate, origin, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, 'work', ?, ?, ?, ?, 'WEB', now(), now(), 0)""", id, person, project, task,
				date, UtilizationReport.isoWeek(date), minutes, billable, status,
				billRate == null ? null : new BigDecimal(billRate), costRate == null ? null : new BigDecimal(costRate));
	}

	private void expense(UUID id, UUID person, String day, String category, String vendor, String amount,
			boolean billable, String markup, String status) {
		jdbc.update("""
				insert into expense (id, person_id, project_id, expense_date, category_code, vendor, description, amount,
				  currency, exchange_rate, project_amount, billable, markup_percent, status, origin, created_at,
				  updated_at, version)
				values (?, ?, ?, ?, ?, ?, 'for the project', ?, 'USD', 1, ?, ?, ?, ?, 'WEB', now(), now(), 0)""", id,
				person, build, LocalDate.parse(day), category, vendor, new BigDecimal(amount), new BigDecimal(amount),
				billable, new BigDecimal(markup), status);
	}

	private void invoice(UUID id, UUID project, String status, @Nullable String number, String periodStart,
			String periodEnd, String issued, String due, String subtotal, String tax, Timestamp createdAt) {
		BigDecimal total = new BigDecimal(subtotal).add(new BigDecimal(tax));
		jdbc.update("""
				insert into invoice (id, project_id, client_id, period_start, period_end, currency, status, number,
				  issue_date, due_date, payment_terms_days, tax_rate, subtotal, tax, total, created_at, version,
				  public_token)
				values (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, 30, 10.000, ?, ?, ?, ?, 0, 'report-' || ?)""", id, project, client,
				LocalDate.parse(periodStart), LocalDate.parse(periodEnd), status, number, LocalDate.parse(issued),
				LocalDate.parse(due), new BigDecimal(subtotal), new BigDecimal(tax), total, createdAt, id.toString());
	}

	private void line(UUID invoice, int position, String kind, String description, String quantity, String price,
			String amount) {
		jdbc.update("""
				insert into invoice_line (id, invoice_id, position, kind, description, quantity, unit_price, amount)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), invoice, position, kind, description,
				new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(amount));
	}

	private void item(String type, UUID itemId, UUID invoice, @Nullable String writtenOffReason) {
		jdbc.update("insert into invoice_item (item_type, item_id, invoice_id, written_off_reason) values (?, ?, ?, ?)",
				type, itemId, invoice, writtenOffReason);
	}

}
