package com.ledgerflow.accounting.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.security.StaffAccounts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.ledgerflow.workflow.ProcessJobs.awaitInstance;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.findJobAt;
import static com.ledgerflow.workflow.ProcessJobs.jobAt;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.KEY;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_PLAN_PROJECT;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_RESOLVE_SET_UP_REJECTION;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_SET_UP_ACCOUNTING;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The accounting sync page: counts, failures with the accounting system's message, retry, and who may see it. */
@IntegrationTest
class AccountingSyncPageIntegrationTests extends ApiTestSupport {

	private static final String PAGE = "/accounting/sync";

	private static final String QBO_ERROR = "Duplicate Name Exists Error (6240): The name supplied already exists. : Id=58";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@BeforeEach
	void ensureTestUsers() {
		TestUsers.ensure(accounts);
	}

	@Test
	void showsFinanceTheCountsPerRecordTypeAndEachFailureWithTheAccountingSystemsMessage() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		long failedBefore = count(finance.get(PAGE).body(), "PROJECT", "failed");
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		String code = get("/api/v1/projects/" + project).read("$.code");
		seedFailure("PROJECT", project);

		HttpResponse<String> page = finance.get(PAGE);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(count(page.body(), "PROJECT", "failed")).isEqualTo(failedBefore + 1);
		assertThat(page.body()).contains("data-type=\"CUSTOMER\"", "data-local-id=\"" + project + "\"",
				code + " Website relaunch", QBO_ERROR, "Retry");
	}

	@Test
	void countsALinkWithoutExternalIdAndWithoutErrorAsPending() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		long pendingBefore = count(finance.get(PAGE).body(), "PROJECT", "pending");
		jdbc.update("""
				insert into external_link (id, system, entity_type, local_id, attempts)
				values (?, 'local', 'PROJECT', ?, 0)""", UUID.randomUUID(), UUID.randomUUID());

		assertThat(count(finance.get(PAGE).body(), "PROJECT", "pending")).isEqualTo(pendingBefore + 1);
	}

	@Test
	void forbidsThePageAndTheRetryToConsultants() {
		TestBrowser consultant = TestBrowser.loggedIn(port, TestUsers.CONSULTANT);
		String csrf = consultant.csrfToken("/login");

		assertThat(consultant.get(PAGE).statusCode()).isEqualTo(403);
		assertThat(consultant.post(PAGE + "/retry",
				Map.of("entityType", "PROJECT", "localId", UUID.randomUUID().toString(), "_csrf", csrf))
			.statusCode()).isEqualTo(403);
		assertThat(consultant.get("/").body()).doesNotContain("href=\"/accounting/sync\"");
	}

	@Test
	void linksThePageFromTheHeaderForFinance() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);

		assertThat(finance.get("/").body()).contains("href=\"/accounting/sync\"");
	}

	@Test
	void retryPushesTheRecordAgainAndClearsTheFailure() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		UUID client = newClient();
		UUID project = newProject(client, newPerson(), "TIME_AND_MATERIALS");
		seedFailure("CUSTOMER", client);
		seedFailure("PROJECT", project);

		HttpResponse<String> retried = retry(finance, "PROJECT", project);

		assertThat(retried.statusCode()).isEqualTo(302);
		assertThat(lastError("PROJECT", project)).isNull();
		assertThat(lastError("CUSTOMER", client)).isNull();
		assertThat(externalId("PROJECT", project)).isNotNull();
		HttpResponse<String> page = finance.getFollowingRedirects(PAGE);
		assertThat(page.body()).contains("is in sync").doesNotContain("data-local-id=\"" + project + "\"");
	}

	@Test
	void retryOfACustomerPushesTheClient() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		UUID client = newClient();
		seedFailure("CUSTOMER", client);

		retry(finance, "CUSTOMER", client);

		assertThat(lastError("CUSTOMER", client)).isNull();
		assertThat(externalId("CUSTOMER", client)).isNotNull();
	}

	@Test
	void retryLetsAProjectWhoseSetUpWasRefusedContinueToPlanning() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		ProcessInstance instance = confirmed(project);
		// as if the accounting system had refused the set-up: finance is asked to resolve it
		runtime.createProcessInstanceModification(instance.getId())
			.cancelAllForActivity(TASK_SET_UP_ACCOUNTING)
			.startBeforeActivity(TASK_RESOLVE_SET_UP_REJECTION)
			.execute();
		seedFailure("PROJECT", project);

		retry(finance, "PROJECT", project);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> findJobAt(management, instance, TASK_SET_UP_ACCOUNTING) != null);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PLAN_PROJECT);
	}

	@Test
	void retryGivesASetUpJobThatRanOutOfRetriesOneMore() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		ProcessInstance instance = confirmed(project);
		// as if the accounting system had been down for all retries: an incident in Cockpit
		management.setJobRetries(jobAt(management, instance, TASK_SET_UP_ACCOUNTING).getId(), 0);
		seedFailure("PROJECT", project);

		retry(finance, "PROJECT", project);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobAt(management, instance, TASK_SET_UP_ACCOUNTING).getRetries() == 1);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PLAN_PROJECT);
	}

	private ProcessInstance confirmed(UUID project) {
		post("/api/v1/projects/" + project + "/confirm", "").expect(202);
		return awaitInstance(runtime, KEY, businessKey(project));
	}

	private HttpResponse<String> retry(TestBrowser browser, String entityType, UUID localId) {
		return browser.post(PAGE + "/retry", Map.of("entityType", entityType, "localId", localId.toString(), "_csrf",
				browser.csrfToken(PAGE)));
	}

	private void seedFailure(String entityType, UUID localId) {
		jdbc.update("""
				insert into external_link (id, system, entity_type, local_id, last_error, attempts, last_attempt_at,
				                           rejections)
				values (?, 'local', ?, ?, ?, 2, now(), 1)""", UUID.randomUUID(), entityType, localId, QBO_ERROR);
	}

	private String lastError(String entityType, UUID localId) {
		return jdbc.queryForObject("select last_error from external_link where entity_type = ? and local_id = ?",
				String.class, entityType, localId);
	}

	private String externalId(String entityType, UUID localId) {
		return jdbc.queryForObject("select external_id from external_link where entity_type = ? and local_id = ?",
				String.class, entityType, localId);
	}

	/** A count cell of the counts table: {@code <tr data-type="PROJECT">…<td data-count="failed">3</td>}. */
	private static long count(String page, String entityType, String column) {
		Matcher row = Pattern.compile("data-type=\"" + entityType + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("row %s", entityType).isTrue();
		Matcher cell = Pattern.compile("data-count=\"" + column + "\">(\\d+)<").matcher(row.group(1));
		assertThat(cell.find()).as("%s of %s", column, entityType).isTrue();
		return Long.parseLong(cell.group(1));
	}

}
