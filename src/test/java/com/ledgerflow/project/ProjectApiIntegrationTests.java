package com.ledgerflow.project;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ProjectApiIntegrationTests extends ApiTestSupport {

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	ProjectTeam team;

	@Autowired
	PersonService people;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void proposesAProjectInEveryBillingModel() {
		UUID client = newClient();
		UUID manager = newPerson();
		for (String model : List.of("TIME_AND_MATERIALS", "FIXED_FEE", "RETAINER")) {
			var project = get("/api/v1/projects/" + newProject(client, manager, model)).expect(200);
			assertThat(project.<String>read("$.status")).isEqualTo("PROPOSED");
			assertThat(project.<String>read("$.billingModel")).isEqualTo(model);
		}
	}

	@Test
	void answers404NamingTheFieldForAnUnknownClientOrManagerAndStoresNothing() {
		int before = get("/api/v1/projects").<List<Object>>read("$").size();
		String body = """
				{"clientId": "%s", "code": "%s", "name": "Ghost", "billingModel": "TIME_AND_MATERIALS",
				 "billingCycle": "MONTHLY", "managerId": "%s"}""";

		var unknownClient = post("/api/v1/projects", body.formatted(UUID.randomUUID(), unique("G"), newPerson()))
			.expect(404);
		assertThat(unknownClient.errors()).containsKey("clientId");
		var unknownManager = post("/api/v1/projects", body.formatted(newClient(), unique("G"), UUID.randomUUID()))
			.expect(404);
		assertThat(unknownManager.errors()).containsKey("managerId");

		assertThat(get("/api/v1/projects").<List<Object>>read("$")).hasSize(before);
	}

	@Test
	void rejectsRulesAcrossFields() {
		String body = """
				{"clientId": "%s", "code": "%s", "name": "Rules", "billingModel": "%s", "billingCycle": "%s",
				 "managerId": "%s"%s}""";
		UUID client = newClient();
		UUID manager = newPerson();
		assertThat(post("/api/v1/projects",
				body.formatted(client, unique("R"), "TIME_AND_MATERIALS", "MILESTONE", manager, ""))
			.expect(400)
			.errors()).containsKey("billingCycle");
		assertThat(post("/api/v1/projects", body.formatted(client, unique("R"), "RETAINER", "MONTHLY", manager, ""))
			.expect(400)
			.errors()).containsKey("retainerAmount");
		assertThat(post("/api/v1/projects", body.formatted(client, unique("R"), "FIXED_FEE", "MILESTONE", manager,
				", \"retainerAmount\": 100"))
			.expect(400)
			.errors()).containsKey("retainerAmount");
	}

	@Test
	void rejectsBadValuesNamingTheField() {
		var response = post("/api/v1/projects", """
				{"clientId": "%s", "code": "lower case", "name": "", "billingModel": "TIME_AND_MATERIALS",
				 "billingCycle": "MONTHLY", "budgetHours": -5, "budgetAmount": 10.001, "managerId": "%s"}"""
			.formatted(newClient(), newPerson())).expect(400);
		assertThat(response.errors()).containsKeys("code", "name", "budgetHours", "budgetAmount");

		var badEnum = post("/api/v1/projects", """
				{"clientId": "%s", "code": "OK-1", "name": "x", "billingModel": "HOURLY", "billingCycle": "MONTHLY",
				 "managerId": "%s"}""".formatted(newClient(), newPerson())).expect(400);
		assertThat((String) badEnum.errors().get("billingModel")).contains("TIME_AND_MATERIALS");
	}

	@Test
	void rejectsADuplicateCodeWith409() {
		UUID id = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		String code = get("/api/v1/projects/" + id).read("$.code");
		var response = post("/api/v1/projects", """
				{"clientId": "%s", "code": "%s", "name": "Copy", "billingModel": "TIME_AND_MATERIALS",
				 "billingCycle": "MONTHLY", "managerId": "%s"}""".formatted(newClient(), code, newPerson()))
			.expect(409);
		assertThat(response.<String>read("$.detail")).isEqualTo("A project with this code already exists");
	}

	@Test
	void managersSeeWhyAProjectIsOnHold() {
		UUID id = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		var running = get("/api/v1/projects/" + id).expect(200);
		assertThat(running.<Boolean>read("$.onHold")).isFalse();
		assertThat(running.entity().getBody()).doesNotContain("onHoldReason");

		projects.putOnHold(id, "Final payment notice on invoice 2026-0042");

		var held = get("/api/v1/projects/" + id).expect(200);
		assertThat(held.<Boolean>read("$.onHold")).isTrue();
		assertThat(held.<String>read("$.onHoldReason")).isEqualTo("Final payment notice on invoice 2026-0042");
		TestUsers.ensure(staff);
		TestBrowser manager = TestBrowser.loggedIn(port, TestUsers.MANAGER);
		assertThat(manager.get("/projects").body()).contains("on hold", "Final payment notice on invoice 2026-0042");
		assertThat(manager.get("/projects/" + id + "/plan").body()).contains("id=\"on-hold\"",
				"Final payment notice on invoice 2026-0042");
	}

	@Test
	void bookingNeedsAKnownOpenProjectAndSomeoneOnItsTeam() {
		UUID manager = newPerson();
		UUID id = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		Project project = team.bookable(id, "time");
		team.checkBooker(project, people.get(manager));

		assertThatThrownBy(() -> team.checkBooker(project, people.get(newPerson()))).isInstanceOf(InvalidField.class)
			.hasMessageContaining("is not on the team of project " + project.code());
		assertThatThrownBy(() -> team.bookable(UUID.randomUUID(), "time")).isInstanceOfSatisfying(NotFound.class,
				notFound -> assertThat(notFound.field()).isEqualTo("projectId"));
		jdbc.update("update project set status = 'CLOSED' where id = ?", id);
		assertThatThrownBy(() -> team.bookable(id, "expense")).isInstanceOf(StateConflict.class)
			.hasMessage("Project " + project.code() + " is CLOSED; no expense can be booked on it");
	}

	@Test
	void confirmsOnlyAProposedProject() {
		UUID id = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		assertThat(post("/api/v1/projects/" + id + "/confirm", "").expect(202).<String>read("$.status"))
			.isEqualTo("PLANNING");
		post("/api/v1/projects/" + id + "/confirm", "").expect(409);
		post("/api/v1/projects/" + UUID.randomUUID() + "/confirm", "").expect(404);
	}

	@Test
	void completingAProjectThatIsNotActiveIsAConflict() {
		UUID id = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		post("/api/v1/projects/" + id + "/complete", "").expect(409);
	}

	@Test
	void aClosedProjectCannotBeChanged() {
		UUID client = newClient();
		UUID manager = newPerson();
		UUID id = newProject(client, manager, "FIXED_FEE");
		var current = get("/api/v1/projects/" + id);
		String project = """
				{"clientId": "%s", "code": "%s", "name": "Changed", "billingModel": "FIXED_FEE",
				 "billingCycle": "MILESTONE", "managerId": "%s"}""".formatted(client, current.read("$.code"), manager);
		projects.confirm(id);
		plans.recordPlan(id, List.of(new TaskDetails("Only task", null, null, null, null, null, null)));
		projects.complete(id);
		projects.close(id);

		var edit = put("/api/v1/projects/" + id, project).expect(409);
		assertThat(edit.<String>read("$.detail")).contains("CLOSED");
		post("/api/v1/projects/" + id + "/tasks", "{\"name\": \"Late task\"}").expect(409);
		post("/api/v1/projects/" + id + "/milestones", "{\"name\": \"Late\", \"amount\": 100}").expect(409);
		put("/api/v1/projects/" + id + "/rates", "{\"billRate\": 100}").expect(409);
	}

	@Test
	void tasksDefaultTheirPriorityAndBillableFromTheProject() {
		UUID manager = newPerson();
		UUID tm = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		UUID fixed = newProject(newClient(), manager, "FIXED_FEE");

		var tmTask = post("/api/v1/projects/" + tm + "/tasks", "{\"name\": \"Design\"}").expect(201);
		assertThat(tmTask.<Boolean>read("$.billable")).isTrue();
		assertThat(tmTask.<String>read("$.priority")).isEqualTo("NORMAL");
		assertThat(tmTask.<String>read("$.status")).isEqualTo("OPEN");
		var fixedTask = post("/api/v1/projects/" + fixed + "/tasks", "{\"name\": \"Design\"}").expect(201);
		assertThat(fixedTask.<Boolean>read("$.billable")).isFalse();
	}

	@Test
	void taskRulesAnswerWithTheField() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		assertThat(post("/api/v1/projects/" + project + "/tasks", """
				{"name": "Build", "assigneeId": "%s"}""".formatted(UUID.randomUUID())).expect(404).errors())
			.containsKey("assigneeId");
		assertThat(post("/api/v1/projects/" + project + "/tasks", """
				{"name": "", "estimateHours": -1, "dueDate": "31/12/2026", "priority": "SOON"}""").expect(400)
			.errors()).containsKey("dueDate");
		assertThat(post("/api/v1/projects/" + project + "/tasks", """
				{"name": "", "estimateHours": -1}""").expect(400).errors()).containsKeys("name", "estimateHours");
		post("/api/v1/projects/" + UUID.randomUUID() + "/tasks", "{\"name\": \"x\"}").expect(404);
	}

	@Test
	void updatesAndDeletesAnOpenTaskButNotAFinishedOne() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		UUID assignee = newPerson();
		UUID open = post("/api/v1/projects/" + project + "/tasks", "{\"name\": \"Open\"}").expect(201).id();
		UUID done = post("/api/v1/projects/" + project + "/tasks", "{\"name\": \"Done\"}").expect(201).id();

		var updated = put("/api/v1/projects/" + project + "/tasks/" + done, """
				{"name": "Done", "assigneeId": "%s", "dueDate": "2026-12-31", "priority": "HIGH",
				 "estimateHours": 7.5, "status": "DONE"}""".formatted(assignee)).expect(200);
		assertThat(updated.<String>read("$.assigneeId")).isEqualTo(assignee.toString());
		assertThat(updated.<String>read("$.dueDate")).isEqualTo("2026-12-31");

		delete("/api/v1/projects/" + project + "/tasks/" + open).expect(204);
		delete("/api/v1/projects/" + project + "/tasks/" + done).expect(409);
		get("/api/v1/projects/" + project + "/tasks/" + open).expect(404);
	}

	@Test
	void aPlanWithOneBadTaskStoresNoTask() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		projects.confirm(project);
		var good = new TaskDetails("Good", newPerson(), null, null, null, null, null);
		var bad = new TaskDetails("Bad", UUID.randomUUID(), null, null, null, null, null);

		assertThatThrownBy(() -> plans.recordPlan(project, List.of(good, bad)))
			.isInstanceOf(com.ledgerflow.shared.NotFound.class);

		assertThat(plans.tasks(project)).isEmpty();
		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.PLANNING);
	}

	@Test
	void aPlanWithoutAnyTaskIsRefused() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		projects.confirm(project);

		assertThatThrownBy(() -> plans.recordPlan(project, List.of())).isInstanceOf(com.ledgerflow.shared.StateConflict.class)
			.hasMessageContaining("no task yet");

		post("/api/v1/projects/" + project + "/tasks", "{\"name\": \"Added on the plan page\"}").expect(201);
		plans.recordPlan(project, List.of());
		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.ACTIVE);
	}

	@Test
	void milestonesBelongToFixedFeeProjectsAndCompleteOnce() {
		UUID manager = newPerson();
		UUID tm = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		post("/api/v1/projects/" + tm + "/milestones", "{\"name\": \"Launch\", \"amount\": 5000}").expect(409);

		UUID fixed = newProject(newClient(), manager, "FIXED_FEE");
		assertThat(post("/api/v1/projects/" + fixed + "/milestones", "{\"name\": \"\", \"amount\": 0}").expect(400)
			.errors()).containsKeys("name", "amount");
		UUID milestone = post("/api/v1/projects/" + fixed + "/milestones",
				"{\"name\": \"Launch\", \"amount\": 5000.00, \"dueDate\": \"2027-01-31\"}")
			.expect(201)
			.id();
		var completed = post("/api/v1/projects/" + fixed + "/milestones/" + milestone + "/complete", "").expect(200);
		assertThat(completed.<String>read("$.status")).isEqualTo("COMPLETED");
		assertThat(completed.<String>read("$.completedOn")).isNotNull();
		post("/api/v1/projects/" + fixed + "/milestones/" + milestone + "/complete", "").expect(409);
		put("/api/v1/projects/" + fixed + "/milestones/" + milestone, "{\"name\": \"x\", \"amount\": 1}")
			.expect(409);
	}

	@Test
	void rateCardResolvesProjectPersonThenProjectThenPersonDefault() {
		UUID person = newPerson();
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		String effective = "/api/v1/projects/" + project + "/rates/effective?personId=" + person;

		var byDefault = get(effective).expect(200);
		assertThat(byDefault.<Double>read("$.billRate")).isEqualTo(150.0);
		assertThat(byDefault.<String>read("$.source")).isEqualTo("PERSON_DEFAULT");

		put("/api/v1/projects/" + project + "/rates", "{\"billRate\": 175.00}").expect(200);
		assertThat(get(effective).<String>read("$.source")).isEqualTo("PROJECT");
		assertThat(get(effective).<Double>read("$.billRate")).isEqualTo(175.0);

		put("/api/v1/projects/" + project + "/rates", "{\"personId\": \"%s\", \"billRate\": 190.50}".formatted(person))
			.expect(200);
		put("/api/v1/projects/" + project + "/rates", "{\"personId\": \"%s\", \"billRate\": 195.25}".formatted(person))
			.expect(200);
		assertThat(get(effective).<String>read("$.source")).isEqualTo("PROJECT_PERSON");
		assertThat(get(effective).<Double>read("$.billRate")).isEqualTo(195.25);
		assertThat(get("/api/v1/projects/" + project + "/rates").<List<Object>>read("$")).hasSize(2);

		assertThat(put("/api/v1/projects/" + project + "/rates", "{\"billRate\": -1}").expect(400).errors())
			.containsKey("billRate");
		assertThat(put("/api/v1/projects/" + project + "/rates",
				"{\"personId\": \"%s\", \"billRate\": 1}".formatted(UUID.randomUUID()))
			.expect(404)
			.errors()).containsKey("personId");
	}

}
