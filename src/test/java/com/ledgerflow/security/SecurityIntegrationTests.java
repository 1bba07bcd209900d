package com.ledgerflow.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static com.ledgerflow.TestUsers.ANALYST;
import static com.ledgerflow.TestUsers.CONSULTANT;
import static com.ledgerflow.TestUsers.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	final RestClient anonymous = RestClient.create();

	/** Camunda delays logins after a wrong password, so wrong-password tests use a user of their own. */
	static final String LOCKABLE = "test-lockable";

	@BeforeEach
	void ensureTestUsers() {
		TestUsers.ensure(accounts);
		accounts.ensureUser(new StaffAccount(LOCKABLE, "Test", "Lockable", ""), LOCKABLE, Set.of(StaffGroups.FINANCE));
	}

	@Test
	void apiRequiresCredentialsAndAnswersWithAProblem() {
		var response = anonymous.get().uri(url("/api/v1/anything")).exchange((request, res) -> new Reply(res.getStatusCode(),
				res.getHeaders(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));

		assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		assertThat(response.headers().getContentType()).isNotNull()
			.satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void engineRestRequiresCredentials() {
		var response = anonymous.get().uri(url("/engine-rest/process-definition")).exchange((request, res) -> new Reply(
				res.getStatusCode(), res.getHeaders(), ""));

		assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}

	@Test
	void rejectsAWrongPassword() {
		var status = anonymous.get()
			.uri(url("/engine-rest/task"))
			.header(HttpHeaders.AUTHORIZATION, TestUsers.basicAuth(LOCKABLE, "not-the-password"))
			.exchange((request, res) -> res.getStatusCode());

		assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void consultantReachesTheEngineRestApiWithBasicCredentials() {
		var status = as(CONSULTANT).get().uri("/engine-rest/task").exchange((request, res) -> res.getStatusCode());

		assertThat(status).isEqualTo(HttpStatus.OK);
	}

	@Test
	void analystDeploysAProcessLikeCamundaModeler() {
		assertThat(deploy(ANALYST, processOfferedTo("managers"))).isEqualTo(HttpStatus.OK);
	}

	@Test
	void consultantCannotDeploy() {
		assertThat(deploy(CONSULTANT, processOfferedTo("managers"))).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void consultantSeesTasksOfferedToHisGroupsButNotManagersTasks() {
		String managersProcess = processOfferedTo(StaffGroups.MANAGERS);
		String consultantsProcess = processOfferedTo(StaffGroups.CONSULTANTS);
		assertThat(deploy(ANALYST, managersProcess)).isEqualTo(HttpStatus.OK);
		assertThat(deploy(ANALYST, consultantsProcess)).isEqualTo(HttpStatus.OK);
		String managersInstance = startAsManager(managersProcess);
		String consultantsInstance = startAsManager(consultantsProcess);

		assertThat(taskInstances(CONSULTANT)).contains(consultantsInstance).doesNotContain(managersInstance);
		assertThat(taskInstances(MANAGER)).contains(managersInstance).doesNotContain(consultantsInstance);
	}

	@Test
	void formLoginAlsoLogsIntoTheCamundaWebapps() {
		TestBrowser browser = new TestBrowser(port);
		assertThat(browser.logIn(MANAGER, MANAGER).headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));

		browser.getFollowingRedirects("/camunda/app/tasklist/");
		HttpResponse<String> whoAmI = browser.get("/camunda/api/admin/auth/user/default");

		assertThat(whoAmI.statusCode()).isEqualTo(200);
		assertThat(whoAmI.body()).contains("\"userId\":\"" + MANAGER + "\"").contains("tasklist").contains("cockpit");
	}

	@Test
	void formLoginWithAWrongPasswordStaysOnTheLoginPage() {
		TestBrowser browser = new TestBrowser(port);

		assertThat(browser.logIn(LOCKABLE, "wrong").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?error"));
	}

	@Test
	void tasklistLoadsForALoggedInUser() {
		TestBrowser browser = TestBrowser.loggedIn(port, CONSULTANT);

		HttpResponse<String> tasklist = browser.getFollowingRedirects("/camunda/app/tasklist/");

		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
		assertThat(tasklist.body()).contains("camunda-tasklist-bootstrap");
	}

	@Test
	void anonymousVisitorsOfTasklistAreSentToTheLoginPage() {
		HttpResponse<String> tasklist = new TestBrowser(port).get("/camunda/app/tasklist/");

		assertThat(tasklist.statusCode()).isEqualTo(302);
		assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void consultantsHaveNoCockpit() {
		TestBrowser browser = TestBrowser.loggedIn(port, CONSULTANT);

		HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/");

		assertThat(cockpit.statusCode()).isEqualTo(403);
		assertThat(cockpit.body()).contains("No access");
	}

	@Test
	void camundaWebappsAreBrandedAsLedgerflow() {
		TestBrowser browser = TestBrowser.loggedIn(port, MANAGER);

		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			assertThat(browser.get("/camunda/app/" + app + "/scripts/config.js").body()).as(app)
				.contains("vendor: 'Ledgerflow'")
				.contains("'../ledgerflow/ledgerflow'");
			assertThat(browser.get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
				.contains("ledgerflow.css");
		}
		assertThat(browser.get("/camunda/app/ledgerflow/ledgerflow.css").body()).contains(".ce-eol-banner");
		assertThat(browser.get("/camunda/app/ledgerflow/ledgerflow.js").statusCode()).isEqualTo(200);
	}

	@Test
	void loginPageIsPublicAndBranded() {
		HttpResponse<String> login = new TestBrowser(port).get("/login");

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("Ledgerflow").contains("name=\"_csrf\"");
	}

	@Test
	void camundaWebappLogoutEndsTheLedgerflowSession() {
		TestBrowser browser = TestBrowser.loggedIn(port, MANAGER);

		assertThat(browser.post("/camunda/api/admin/auth/user/default/logout", Map.of()).statusCode()).isEqualTo(200);

		assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
		assertThat(browser.get("/camunda/app/tasklist/").statusCode()).isEqualTo(302);
	}

	@Test
	void ledgerflowLogoutEndsTheSessionForTheWebappsToo() {
		TestBrowser browser = TestBrowser.loggedIn(port, MANAGER);
		browser.getFollowingRedirects("/camunda/app/tasklist/");

		HttpResponse<String> logout = browser.post("/logout", Map.of("_csrf", browser.csrfToken("/login")));

		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?logout"));
		assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
	}

	private HttpStatusCode deploy(String userId, String bpmn) {
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("deployment-name", "security-tests");
		parts.add("deployment-source", "Camunda Modeler");
		parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "security-tests.bpmn";
			}
		});
		return as(userId).post()
			.uri("/engine-rest/deployment/create")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange((request, res) -> res.getStatusCode());
	}

	private String startAsManager(String bpmn) {
		JsonNode instance = as(MANAGER).post()
			.uri("/engine-rest/process-definition/key/{key}/start", processKey(bpmn))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.body(JsonNode.class);
		return instance.get("id").asText();
	}

	private List<String> taskInstances(String userId) {
		JsonNode tasks = as(userId).get().uri("/engine-rest/task").retrieve().body(JsonNode.class);
		return tasks.findValuesAsText("processInstanceId");
	}

	private static String processOfferedTo(String candidateGroup) {
		String key = "security-test-" + UUID.randomUUID().toString().substring(0, 8);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_SecurityTest"
				    targetNamespace="https://ledgerflow.example/test">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Started" />
				    <bpmn:sequenceFlow id="SequenceFlow_ToReview" sourceRef="StartEvent_Started" targetRef="Task_Review" />
				    <bpmn:userTask id="Task_Review" name="Review" camunda:candidateGroups="%s" />
				    <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_Review" targetRef="EndEvent_Reviewed" />
				    <bpmn:endEvent id="EndEvent_Reviewed" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, candidateGroup);
	}

	private static String processKey(String bpmn) {
		Matcher matcher = Pattern.compile("process id=\"([^\"]+)\"").matcher(bpmn);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private RestClient as(String userId) {
		return TestUsers.restClient(port, userId);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	record Reply(HttpStatusCode status, HttpHeaders headers, String body) {
	}

}
