package com.ledgerflow.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.invoicing.BillingRuns;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.timetracking.TimeEntryFixture;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.ledgerflow.workflow.BillingRunProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * billing-run from the API to the database: last month's run drafts one invoice per project with something to bill, a
 * second run of the month drafts nothing; the API's answers. The job executor is off: the test executes the jobs.
 */
@IntegrationTest
class BillingRunIntegrationTests extends ApiTestSupport {

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	BillingRuns runs;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	InvoiceService invoices;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void users() {
		TestUsers.ensure(staff);
	}

	@Test
	void lastMonthsRunDraftsOneInvoicePerProjectWithSomethingToBillAndASecondRunDraftsNothing() {
		YearMonth lastMonth = runs.lastMonth();
		UUID client = newClient();
		UUID ann = newPerson();
		UUID first = activeProject(client, ann);
		UUID second = activeProject(client, ann);
		UUID idle = activeProject(client, ann);
		approvedTime(first, ann, lastMonth.atDay(3), 90);
		approvedTime(first, ann, lastMonth.atDay(4), 30);
		approvedTime(second, ann, lastMonth.atEndOfMonth(), 60);
		assertThat(runs.projectsDue(com.ledgerflow.invoicing.BillingPeriod.month(lastMonth))).contains(first, second,
				idle);

		var started = post("/api/v1/billing-runs", "{\"period\": \"" + lastMonth + "\"}").expect(202);
		assertThat(started.<String>read("$.businessKey")).isEqualTo("billing-run:" + lastMonth);
		String run = started.read("$.processInstanceId");
		post("/api/v1/billing-runs", "{\"period\": \"" + lastMonth + "\"}").expect(409);
		runToTheEnd(run);

		HistoricProcessInstance done = finished(run);
		assertThat(done.getBusinessKey()).isEqualTo("billing-run:" + lastMonth);
		// other tests' active projects may bill in the same month: ours are two of the drafts
		assertThat(draftedCount(run)).isGreaterThanOrEqualTo(2);
		assertThat(invoices.list(null, first, null, null, null)).hasSize(1);
		assertThat(invoices.list(null, second, null, null, null)).hasSize(1);
		assertThat(invoices.list(null, idle, null, null, null)).isEmpty();
		int invoiceCount = jdbc.queryForObject("select count(*) from invoice", Integer.class);

		String rerun = post("/api/v1/billing-runs", "{\"period\": \"" + lastMonth + "\"}").expect(202)
			.read("$.processInstanceId");
		runToTheEnd(rerun);

		assertThat(draftedCount(rerun)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from invoice", Integer.class)).isEqualTo(invoiceCount);
		assertThat(invoices.list(null, first, null, null, null)).hasSize(1);
	}

	/**
	 * Two runs of one month at once, as when two nodes both passed the API's running check: their draft jobs run in
	 * two threads side by side, and still each project gets one invoice holding each of its items once.
	 */
	@Test
	void twoRunsOfOneMonthAtOnceBillEveryProjectOnce() throws Exception {
		YearMonth month = YearMonth.parse("2019-03"); // long ago: no other test's work is in it
		UUID client = newClient();
		UUID ann = newPerson();
		List<UUID> projects = List.of(activeProject(client, ann), activeProject(client, ann),
				activeProject(client, ann));
		for (UUID project : projects) {
			for (int day = 1; day <= 12; day++) {
				approvedTime(project, ann, month.atDay(day), 15 * day);
			}
		}
		Map<String, Object> period = Map.of(VAR_PERIOD, month.toString());
		List<String> both = List.of(runtime.startProcessInstanceByKey(KEY, businessKey(month), period).getId(),
				runtime.startProcessInstanceByKey(KEY, businessKey(month), period).getId());
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> runs = both.stream().map(run -> nodes.submit(() -> {
				together.await(30, TimeUnit.SECONDS);
				runToTheEnd(run);
				return null;
			})).toList();
			for (Future<Object> run : runs) {
				run.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			nodes.shutdownNow();
		}

		for (UUID project : projects) {
			assertThat(invoices.list(null, project, null, null, null)).as("invoices of %s", project).hasSize(1);
			assertThat(jdbc.queryForObject("""
					select count(*) from time_entry t join invoice_item i on i.item_id = t.id
					where t.project_id = ? and t.status = 'INVOICED'""", Integer.class, project)).isEqualTo(12);
			assertThat(invoices.list(null, project, null, null, null).get(0).subtotal())
				.isEqualByComparingTo(new BigDecimal("2925.00")); // 15 × 78 minutes = 19.5 h at 150.00
		}
	}

	@Test
	void projectsAreDueWhenActiveOrCompletedAndTheirCycleFallsDue() {
		UUID client = newClient();
		UUID ann = newPerson();
		UUID monthly = project(client, ann, "ACTIVE", "MONTHLY");
		UUID weekly = project(client, ann, "COMPLETED", "WEEKLY");
		UUID milestones = project(client, ann, "ACTIVE", "MILESTONE");
		UUID proposed = project(client, ann, "PROPOSED", "MONTHLY");
		UUID closed = project(client, ann, "CLOSED", "WEEKLY");
		var month = com.ledgerflow.invoicing.BillingPeriod.month(YearMonth.parse("2026-10"));
		var week = new com.ledgerflow.invoicing.BillingPeriod(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-11"));

		assertThat(runs.projectsDue(month)).contains(monthly, weekly, milestones).doesNotContain(proposed, closed);
		assertThat(runs.projectsDue(week)).contains(weekly, milestones).doesNotContain(monthly, proposed, closed);
	}

	@Test
	void refusesAMalformedPeriodNamingIt() {
		var answer = post("/api/v1/billing-runs", "{\"period\": \"2026-13\"}").expect(400);

		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.errors()).containsKey("period");
		post("/api/v1/billing-runs", "{}").expect(400);
	}

	@Test
	void isForManagersAndFinanceNotForConsultants() {
		callAs(TestUsers.CONSULTANT, HttpMethod.POST, "/api/v1/billing-runs", "{\"period\": \"2026-01\"}").expect(403);
		// past authorization, finance is told about the period (a valid one would start a run in the shared database)
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/billing-runs", "{\"period\": \"January\"}").expect(400);
		// and may start it from Tasklist, but no other process
		List<String> finance = List.of(com.ledgerflow.security.StaffGroups.FINANCE);
		assertThat(authorizations.isUserAuthorized(TestUsers.FINANCE, finance, Permissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, KEY)).isTrue();
		assertThat(authorizations.isUserAuthorized(TestUsers.FINANCE, finance, Permissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, ExpenseApprovalProcess.KEY)).isFalse();
	}

	private UUID project(UUID client, UUID manager, String status, String cycle) {
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		jdbc.update("update project set status = ?, billing_cycle = ? where id = ?", status, cycle, project);
		return project;
	}

	private UUID activeProject(UUID client, UUID manager) {
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		jdbc.update("update project set status = 'ACTIVE' where id = ?", project);
		return project;
	}

	private void approvedTime(UUID project, UUID person, LocalDate day, int minutes) {
		TimeEntryFixture.approvedTime(person, project, day, minutes).insert(jdbc);
	}

	/** Executes the instance's jobs (Task_FindProjectsDue, the multi-instance body, one per project) until it ends. */
	private void runToTheEnd(String processInstanceId) {
		for (int i = 0; i < 10_000; i++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).list();
			if (jobs.isEmpty()) {
				break;
			}
			management.executeJob(jobs.get(0).getId());
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
	}

	private HistoricProcessInstance finished(String processInstanceId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		assertThat(instance.getEndActivityId()).isEqualTo(END_BILLING_RUN_DONE);
		return instance;
	}

	private int draftedCount(String processInstanceId) {
		return (Integer) history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(VAR_DRAFTED_COUNT)
			.singleResult()
			.getValue();
	}

}
