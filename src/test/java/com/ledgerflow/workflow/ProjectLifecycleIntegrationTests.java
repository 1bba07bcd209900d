package com.ledgerflow.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.project.TaskPriority;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.findJobAt;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** project-lifecycle end to end: REST → event → process → delegates → services → local ledger and mail outbox. */
@IntegrationTest
class ProjectLifecycleIntegrationTests extends ApiTestSupport {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IncompleteEventPublications incompletePublications;

	@Test
	void aConfirmedProjectIsSetUpPlannedNotifiedCompletedAndClosed() {
		UUID client = newClient();
		UUID manager = newPerson();
		UUID assignee = newPerson();
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		String managerUserId = get("/api/v1/people/" + manager).read("$.userId");
		String assigneeEmail = get("/api/v1/people/" + assignee).read("$.email");

		post("/api/v1/projects/" + project + "/confirm", "").expect(202);

		ProcessInstance instance = awaitInstance(project);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		assertThat(ledgerJobActive(project)).isTrue();

		Task plan = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(plan.getTaskDefinitionKey()).isEqualTo(TASK_PLAN_PROJECT);
		assertThat(plan.getAssignee()).isEqualTo(managerUserId);
		assertThat(plan.getName()).isEqualTo("Plan project · " + code(project) + " Website relaunch");

		tasks.complete(plan.getId(), Variables.putValue(VAR_PLANNED_TASKS, SpinValues.jsonValue("""
				[{"name": "Discovery workshop", "assigneeId": "%s", "dueDate": "2026-12-15", "priority": "HIGH",
				  "estimateHours": 6, "billable": true},
				 {"name": "Wireframes", "assigneeId": "%s", "estimateHours": 12.5}]""".formatted(assignee, assignee))
			.create()));
		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.ACTIVE);
		assertThat(plans.tasks(project)).extracting(t -> t.name(), t -> t.priority())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Discovery workshop", TaskPriority.HIGH),
					org.assertj.core.groups.Tuple.tuple("Wireframes", TaskPriority.NORMAL));
		assertThat(runtime.getVariable(instance.getId(), VAR_PLANNED_TASKS)).isNull();

		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);
		assertThat(outboxSubjectsTo(assigneeEmail)).containsExactly("Your tasks on " + code(project) + " Website relaunch");
		assertThat(isWaitingForCompletion(instance)).isTrue();

		post("/api/v1/projects/" + project + "/complete", "").expect(202);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> findJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING) != null);
		executeJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING);

		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.CLOSED);
		assertThat(ledgerJobActive(project)).isFalse();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndActivityId()).isEqualTo(END_PROJECT_CLOSED);
	}

	@Test
	void notifyingTwiceWritesEachAssignmentOnce() {
		UUID assignee = newPerson();
		UUID project = activeProject(assignee);
		String email = get("/api/v1/people/" + assignee).read("$.email");
		ProcessInstance instance = awaitInstance(project);

		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);
		runtime.createProcessInstanceModification(instance.getId())
			.startBeforeActivity(TASK_NOTIFY_ASSIGNEES)
			.cancelAllForActivity(TASK_AWAIT_COMPLETION)
			.execute();
		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);

		assertThat(outboxSubjectsTo(email)).hasSize(1);
	}

	@Test
	void aCompletionThatArrivesBeforeTheProcessWaitsIsDeliveredLater() {
		UUID project = activeProject(newPerson());
		ProcessInstance instance = awaitInstance(project);
		assertThat(findJobAt(management, instance, TASK_NOTIFY_ASSIGNEES)).isNotNull();

		post("/api/v1/projects/" + project + "/complete", "").expect(202);
		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			incompletePublications.resubmitIncompletePublications(publication -> true);
			assertThat(findJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING)).isNotNull();
		});
	}

	@Test
	void aTasklistStartRegistersTheProjectUnderItsBusinessKey() {
		String clientName = unique("Tasklist client");
		newClient(clientName);
		UUID manager = newPerson();
		String managerUserId = get("/api/v1/people/" + manager).read("$.userId");
		String code = unique("TL");

		ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, startForm(clientName, code, managerUserId));

		var project = projects.list().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
		assertThat(project.status()).isEqualTo(ProjectStatus.PLANNING);
		assertThat(project.managerId()).isEqualTo(manager);
		assertThat(project.budgetHours()).isEqualByComparingTo("120");
		assertThat(project.budgetAmount()).isEqualByComparingTo("18000.5");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getBusinessKey()).isEqualTo(businessKey(project.id()));
	}

	@Test
	void aTasklistStartWithAnUnknownClientFailsNamingTheFieldAndLeavesNothing() {
		String code = unique("TL");
		long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY,
				startForm("No such client " + UUID.randomUUID(), code, "nobody")))
			.hasMessageContaining("clientName");

		assertThat(projects.list()).noneMatch(p -> p.code().equals(code));
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instancesBefore);
	}

	@Test
	void aPlanWithAnUnknownAssigneeFailsTheCompletionAndKeepsTheTask() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		Task plan = confirmedAndWaitingForItsPlan(project);

		assertThatThrownBy(() -> tasks.complete(plan.getId(), Variables.putValue(VAR_PLANNED_TASKS,
				SpinValues.jsonValue("[{\"name\": \"Ghost work\", \"assigneeId\": \"%s\"}]"
					.formatted(UUID.randomUUID())).create())))
			.hasMessageContaining("person");

		assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).isEqualTo(1);
		assertThat(plans.tasks(project)).isEmpty();
		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.PLANNING);
	}

	@Test
	void completingPlanProjectWithoutAnyTaskFailsAndKeepsTheTask() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		Task plan = confirmedAndWaitingForItsPlan(project);
		ProcessInstance instance = awaitInstance(project);

		assertThatThrownBy(() -> tasks.complete(plan.getId())).hasMessageContaining("no task yet");
		assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).isEqualTo(1);

		post("/api/v1/projects/" + project + "/tasks", "{\"name\": \"Kick-off\"}").expect(201);
		tasks.complete(plan.getId());
		assertThat(projects.get(project).status()).isEqualTo(ProjectStatus.ACTIVE);
		assertThat(findJobAt(management, instance, TASK_NOTIFY_ASSIGNEES)).isNotNull();
	}

	/** Confirms the project through the API and runs its setup job: the instance then waits at Plan project. */
	private Task confirmedAndWaitingForItsPlan(UUID project) {
		post("/api/v1/projects/" + project + "/confirm", "").expect(202);
		ProcessInstance instance = awaitInstance(project);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private UUID activeProject(UUID assignee) {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		Task plan = confirmedAndWaitingForItsPlan(project);
		tasks.complete(plan.getId(), Variables.putValue(VAR_PLANNED_TASKS,
				SpinValues.jsonValue("[{\"name\": \"Build\", \"assigneeId\": \"%s\"}]".formatted(assignee)).create()));
		return project;
	}

	private Map<String, Object> startForm(String clientName, String code, String managerUserId) {
		return Variables.putValue(VAR_CLIENT_NAME, clientName)
			.putValue(VAR_PROJECT_NAME, "Started in Tasklist")
			.putValue(VAR_PROJECT_CODE, code)
			.putValue(VAR_BILLING_MODEL, "TIME_AND_MATERIALS")
			.putValue(VAR_BILLING_CYCLE, "MONTHLY")
			.putValue(VAR_BUDGET_HOURS, 120)
			.putValue(VAR_BUDGET_AMOUNT, 18000.5)
			.putValue(VAR_MANAGER_ID, managerUserId);
	}

	private ProcessInstance awaitInstance(UUID project) {
		return ProcessJobs.awaitInstance(runtime, KEY, businessKey(project));
	}

	private boolean isWaitingForCompletion(ProcessInstance instance) {
		return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(TASK_AWAIT_COMPLETION)
			.count() == 1;
	}

	private String code(UUID project) {
		return projects.get(project).code();
	}

	private boolean ledgerJobActive(UUID project) {
		return jdbc.queryForObject("select active from local_ledger_customer where id = ?", Boolean.class,
				"J-" + project);
	}

	private List<String> outboxSubjectsTo(String email) {
		return jdbc.queryForList("select subject from mail_outbox where recipients like ?", String.class,
				"%" + email + "%");
	}

}
