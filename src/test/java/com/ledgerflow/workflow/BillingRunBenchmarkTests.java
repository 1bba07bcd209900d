package com.ledgerflow.workflow;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.invoicing.BillingRuns;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceDocumentsForBenchmarks;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.pdf.InvoiceDocument;
import com.ledgerflow.invoicing.pdf.InvoicePdfRenderer;
import com.ledgerflow.timetracking.IsoWeek;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A firm with 1,000 active time-and-materials projects and 100,000 approved billable entries last month: one billing
 * run through to <em>Invoice sent</em> (the real billing-run and invoice-to-cash, local accounting, the mail outbox;
 * the test executes the jobs and approves every review) against the same engine running the same number of
 * asynchronous steps, review task and instances with no-op delegates, side by side in the same run (pass for pass, so
 * both see the same load on a shared machine); and the run's PDF step against PDFBox rendering the same documents
 * alone. Checks the billing too: every entry invoiced once, one SENT invoice per project, totals the sums of lines.
 * The shared {@code @IntegrationTest} context (job executor off: this test's thread is the job executor). Run with
 * {@code ./mvnw -Pbench verify -Dtest=BillingRunBenchmarkTests}; {@code -Dbench.projects=20} runs it small,
 * {@code -Dbench.trace=true} prints each job's step before it runs (to read beside SQL logging).
 */
@Tag("benchmark")
@IntegrationTest
class BillingRunBenchmarkTests extends ApiTestSupport {

	static final int PROJECTS = Integer.getInteger("bench.projects", 1_000);

	static final int ENTRIES_PER_PROJECT = 100;

	static final int CLIENTS = 50;

	static final int PEOPLE = 20;

	static final int MINUTES = 30;

	static final BigDecimal RATE = new BigDecimal("150.00");

	static final int WARM_UP = 100;

	static final String NOOP_RUN = "benchmark-noop-run";

	static final String NOOP_INVOICE = "benchmark-noop-invoice";

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	BillingRuns runs;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoiceDocuments documents;

	@Autowired
	InvoicePdfRenderer renderer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void billsAThousandProjectsThroughToSent() {
		TestUsers.ensure(staff);
		YearMonth period = runs.lastMonth();
		String codes = unique("BR") + "-";
		List<UUID> projects = seedProjects(codes);
		seedApprovedTime(projects, period);
		deployNoOpProcesses();
		runNoOp(WARM_UP);

		// the billing run and its no-op twin run side by side, pass for pass: both see the same machine load and
		// database; each is timed by its own passes (and its waits for the threads that start invoice-to-cash)
		long wallStart = System.nanoTime();
		post("/api/v1/billing-runs", "{\"period\": \"" + period + "\"}").expect(202);
		BenchmarkJobDriver billing = driver(BillingRunProcess.KEY, InvoiceToCashProcess.KEY);
		BenchmarkJobDriver noOp = startNoOp(PROJECTS);
		BenchmarkJobDriver.together(Duration.ofMinutes(30), new BenchmarkJobDriver.Goal(billing, PROJECTS),
				new BenchmarkJobDriver.Goal(noOp, WARM_UP + PROJECTS));
		long wallNanos = System.nanoTime() - wallStart;
		long runNanos = billing.busyNanos();
		long noOpNanos = noOp.busyNanos();

		List<UUID> invoiceIds = jdbc.queryForList(
				"select id from invoice where project_id in (select id from project where code like ?) order by number",
				UUID.class, codes + "%");
		List<InvoiceDocument> docs = InvoiceDocumentsForBenchmarks.of(documents, invoices, invoiceIds);
		long pdfStart = System.nanoTime();
		docs.forEach(renderer::render);
		long pdfNanos = System.nanoTime() - pdfStart;

		billing.printTimings("billing_run");
		noOp.printTimings("noop_run");
		double runRate = PROJECTS / (runNanos / 1e9);
		double noOpRate = PROJECTS / (noOpNanos / 1e9);
		double stepPdfRate = billing.countOf(InvoiceToCashProcess.TASK_RENDER_INVOICE_PDF)
				/ (billing.nanosOf(InvoiceToCashProcess.TASK_RENDER_INVOICE_PDF) / 1e9);
		double alonePdfRate = docs.size() / (pdfNanos / 1e9);
		System.out.printf(Locale.ROOT, "billing run %.1f s, no-op run %.1f s (side by side: %.1f s), PDFs alone %.1f s%n",
				runNanos / 1e9, noOpNanos / 1e9, wallNanos / 1e9, pdfNanos / 1e9);
		System.out.printf(Locale.ROOT, "BENCH billing_run_invoices %.1f invoices/s ratio=%.2f%n", runRate,
				runRate / noOpRate);
		System.out.printf(Locale.ROOT, "BENCH invoice_pdfs %.1f pdfs/s ratio=%.2f%n", stepPdfRate,
				stepPdfRate / alonePdfRate);
		assertBilledExactlyOnce(codes, invoiceIds);
	}

	private BenchmarkJobDriver driver(String runKey, String itemKey) {
		return new BenchmarkJobDriver(management, tasks, history, runKey, itemKey, Set.of(
				InvoiceToCashProcess.TASK_REVIEW_INVOICE, InvoiceToCashProcess.TASK_REVIEW_INVOICE_AS_FINANCE));
	}

	/** 1,000 active T&M projects: one made through the API, cloned in SQL across 50 clients and 20 managers. */
	private List<UUID> seedProjects(String codes) {
		List<UUID> clients = IntStream.range(0, CLIENTS).mapToObj(i -> newClient()).toList();
		List<UUID> people = IntStream.range(0, PEOPLE).mapToObj(i -> newPerson()).toList();
		UUID template = newProject(clients.get(0), people.get(0), "TIME_AND_MATERIALS");
		// a quarter bills an entry per line (multi-page PDFs), the rest a line per person
		jdbc.update("""
				update project set code = ?, name = 'Bench project 0', status = 'ACTIVE', time_grouping = 'PER_ENTRY'
				where id = ?""", codes + 0, template);
		transactions.executeWithoutResult(status -> {
			// DDL takes no bind parameters: the count and the template's id are ours
			jdbc.execute("""
					create temporary table bench_project on commit drop as
					select p.*, g.n from project p cross join generate_series(1, %d) as g(n) where p.id = '%s'"""
				.formatted(PROJECTS - 1, template));
			jdbc.update("""
					update bench_project set id = gen_random_uuid(), code = ? || n, name = 'Bench project ' || n,
					  client_id = (?::uuid[])[1 + n % ?], manager_id = (?::uuid[])[1 + n % ?],
					  time_grouping = case when n % 4 = 0 then 'PER_ENTRY' else 'PER_PERSON' end""", codes,
					array(clients), CLIENTS, array(people), PEOPLE);
			jdbc.execute("alter table bench_project drop column n");
			jdbc.execute("insert into project select * from bench_project");
		});
		List<UUID> projects = jdbc.queryForList("select id from project where code like ? order by id", UUID.class,
				codes + "%");
		assertThat(projects).hasSize(PROJECTS);
		return projects;
	}

	/** 100 approved billable half hours per project, at 150.00 an hour, spread over the period's days. */
	private void seedApprovedTime(List<UUID> projects, YearMonth period) {
		List<UUID> people = jdbc.queryForList("select distinct manager_id from project where id = any(?::uuid[])",
				UUID.class, array(projects));
		Timestamp now = Timestamp.from(Instant.now());
		transactions.executeWithoutResult(status -> {
			List<Object[]> batch = new ArrayList<>(1_000);
			int n = 0;
			for (UUID project : projects) {
				for (int i = 0; i < ENTRIES_PER_PROJECT; i++, n++) {
					LocalDate day = period.atDay(1 + n % period.lengthOfMonth());
					batch.add(new Object[] { UUID.randomUUID(), people.get(n % people.size()), project,
							Date.valueOf(day), IsoWeek.of(day).toString(), MINUTES, "Bench work " + i, RATE,
							new BigDecimal("60.00"), now, now });
					if (batch.size() == 1_000) {
						insertApproved(batch);
						batch.clear();
					}
				}
			}
			insertApproved(batch);
		});
	}

	private void insertApproved(List<Object[]> batch) {
		jdbc.batchUpdate("""
				insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, notes, billable,
				 status, bill_rate, cost_rate, origin, created_at, updated_at, version)
				values (?, ?, ?, null, ?, ?, ?, ?, true, 'APPROVED', ?, ?, 'WEB', ?, ?, 0)""", batch);
	}

	/**
	 * The no-op twins of billing-run and invoice-to-cash: the same asynchronous boundaries (a run job, the
	 * multi-instance body, one job per item that starts the item's instance; per item assess, a review task, assess
	 * again, approve, post before and after, render, e-mail), every delegate doing nothing.
	 */
	private void deployNoOpProcesses() {
		BpmnModelInstance run = Bpmn.createExecutableProcess(NOOP_RUN)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Find").camundaAsyncBefore().camundaClass(NoOp.class)
			.serviceTask("Task_Draft").camundaAsyncBefore().camundaClass(StartNoOpInvoice.class)
			.multiInstance().sequential().camundaCollection("${items}").camundaElementVariable("item")
			.camundaAsyncBefore().multiInstanceDone()
			.endEvent()
			.done();
		BpmnModelInstance invoice = Bpmn.createExecutableProcess(NOOP_INVOICE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Assess").camundaAsyncBefore().camundaClass(NoOp.class)
			.userTask(InvoiceToCashProcess.TASK_REVIEW_INVOICE).camundaCandidateUsers("bench-manager")
			.serviceTask("Task_AssessReviewed").camundaAsyncBefore().camundaClass(NoOp.class)
			.serviceTask("Task_Approve").camundaAsyncBefore().camundaClass(NoOp.class)
			.serviceTask("Task_Post").camundaAsyncBefore().camundaAsyncAfter().camundaClass(NoOp.class)
			.serviceTask("Task_Render").camundaAsyncBefore().camundaClass(NoOp.class)
			.serviceTask("Task_Email").camundaAsyncBefore().camundaClass(NoOp.class)
			.endEvent()
			.done();
		repository.createDeployment()
			.name("billing-run benchmark")
			.addModelInstance(NOOP_RUN + ".bpmn", run)
			.addModelInstance(NOOP_INVOICE + ".bpmn", invoice)
			.deploy();
	}

	/** Starts a no-op run over {@code instances} items and drives it until every item instance ended. */
	private void runNoOp(int instances) {
		long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(NOOP_INVOICE).finished().count();
		startNoOp(instances).runUntilEnded(before + instances, Duration.ofMinutes(10));
	}

	/** Starts a no-op run over {@code instances} items; its driver. */
	private BenchmarkJobDriver startNoOp(int instances) {
		List<String> items = IntStream.range(0, instances).mapToObj(i -> UUID.randomUUID().toString()).toList();
		runtime.startProcessInstanceByKey(NOOP_RUN, Variables.putValue("items", BillingRunProcess.projectIds(items)));
		return driver(NOOP_RUN, NOOP_INVOICE);
	}

	/** Every entry invoiced once, one SENT invoice per project, totals the sums of their lines, one e-mail each. */
	private void assertBilledExactlyOnce(String codes, List<UUID> invoiceIds) {
		String ours = "(select id from project where code like '" + codes + "%')";
		assertThat(invoiceIds).hasSize(PROJECTS);
		assertThat(count("select count(*) from time_entry where project_id in " + ours)).isEqualTo(
				(long) PROJECTS * ENTRIES_PER_PROJECT);
		assertThat(count("select count(*) from time_entry where status <> 'INVOICED' and project_id in " + ours))
			.isZero();
		assertThat(count("""
				select count(*) from time_entry e join invoice_item c on c.item_type = 'TIME_ENTRY' and c.item_id = e.id
				join invoice i on i.id = c.invoice_id and i.project_id = e.project_id where e.project_id in """ + ours))
			.isEqualTo((long) PROJECTS * ENTRIES_PER_PROJECT);
		assertThat(count("select count(distinct project_id) from invoice where status = 'SENT' and project_id in "
				+ ours)).isEqualTo(PROJECTS);
		assertThat(count("select count(distinct number) from invoice where project_id in " + ours)).isEqualTo(PROJECTS);
		assertThat(count("""
				select count(*) from invoice i where i.project_id in %s and (i.total <> i.subtotal + i.tax
				 or i.subtotal <> (select sum(l.amount) from invoice_line l where l.invoice_id = i.id))""".formatted(ours)))
			.isZero();
		assertThat(jdbc.queryForObject("select sum(subtotal) from invoice where project_id in " + ours,
				BigDecimal.class))
			.isEqualByComparingTo(RATE.multiply(BigDecimal.valueOf((long) PROJECTS * ENTRIES_PER_PROJECT * MINUTES))
				.divide(BigDecimal.valueOf(60)));
		assertThat(count("""
				select count(*) from invoice i join mail_outbox m on m.dedupe_key = 'invoice:' || i.id || ':sent'
				where i.project_id in """ + ours)).isEqualTo(PROJECTS);
		assertThat(count("""
				select count(*) from invoice i join external_link l on l.entity_type = 'INVOICE' and l.local_id = i.id
				where i.project_id in """ + ours)).isEqualTo(PROJECTS);
		assertThat(history.createHistoricActivityInstanceQuery()
			.activityId(InvoiceToCashProcess.EVENT_INVOICE_SENT)
			.count()).isGreaterThanOrEqualTo(PROJECTS);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static String array(List<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	/** Does nothing: the no-op twin's every step. */
	public static class NoOp implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
		}

	}

	/** The no-op twin of drafting: starts the item's instance (as InvoiceToCashTrigger does after a draft). */
	public static class StartNoOpInvoice implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			execution.getProcessEngineServices()
				.getRuntimeService()
				.startProcessInstanceByKey(NOOP_INVOICE, Variables.putValue("itemId", execution.getVariable("item")));
		}

	}

}
