package com.ledgerflow.workflow;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.findJobAt;
import static com.ledgerflow.workflow.ProcessJobs.jobAt;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.END_PROJECT_CLOSED;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.KEY;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.MSG_PROJECT_COMPLETED;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_AWAIT_COMPLETION;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_CLOSE_IN_ACCOUNTING;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_NOTIFY_ASSIGNEES;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_PLAN_PROJECT;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_REGISTER_PROJECT;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_RESOLVE_CLOSE_REJECTION;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_RESOLVE_SET_UP_REJECTION;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_SET_UP_ACCOUNTING;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_ACCOUNTING_ERROR;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_BILLING_CYCLE;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_BILLING_MODEL;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_BUDGET_AMOUNT;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_BUDGET_HOURS;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_CLIENT_NAME;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_MANAGER_ID;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_PLANNED_TASKS;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_PROJECT_CODE;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_PROJECT_ID;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_PROJECT_NAME;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.ledgerflow.accounting.AccountingRejected;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Deployment(resources = { "bpmn/project-lifecycle.bpmn", "forms/confirm-project-form.form",
		"forms/plan-project-form.form", "forms/resolve-accounting-rejection-form.form" })
class ProjectLifecycleProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	private static final String PROJECT_ID = "0b5e3a52-6f43-4a3c-9c1e-2f1d7b6a9e01";

	private static final String MANAGER_ID = "demo";

	private static final String PLANNED_TASKS = "[{\"name\":\"Kick-off workshop\",\"assigneeId\":\"6f1c1f4e-2d7a-4c59-9d3e-0e4b1c2a7f10\","
			+ "\"dueDate\":\"2026-12-01\",\"priority\":\"HIGH\",\"estimateHours\":6,\"billable\":true}]";

	private static final Map<String, String> RESOLVE_TASKS = Map.of(TASK_SET_UP_ACCOUNTING,
			TASK_RESOLVE_SET_UP_REJECTION, TASK_CLOSE_IN_ACCOUNTING, TASK_RESOLVE_CLOSE_REJECTION);

	private static final String QBO_ERROR = "Duplicate Name Exists Error (6240): The name supplied already exists. : Id=58";

	private static final Map<String, String> DELEGATES = Map.of(TASK_SET_UP_ACCOUNTING,
			"setUpProjectInAccountingDelegate", TASK_NOTIFY_ASSIGNEES, "notifyAssigneesDelegate",
			TASK_CLOSE_IN_ACCOUNTING, "closeProjectInAccountingDelegate");

	/** Injected by the extension. */
	ProcessEngine processEngine;

	private ManagementService management;

	/** What the stub delegates and listeners were asked to do, in order. */
	private final List<String> calls = new CopyOnWriteArrayList<>();

	private Object recordedPlan;

	@BeforeEach
	void stubDelegates() {
		management = processEngine.getManagementService();
		Mocks.register("registerProjectDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_REGISTER_PROJECT);
			execution.setVariable(VAR_PROJECT_ID, PROJECT_ID);
			execution.setProcessBusinessKey(ProjectLifecycleProcess.businessKey(UUID.fromString(PROJECT_ID)));
		});
		Mocks.register("setUpProjectInAccountingDelegate", recording(TASK_SET_UP_ACCOUNTING));
		Mocks.register("nameTaskAfterProjectListener", (TaskListener) task -> {
			calls.add("nameTaskAfterProject");
			task.setName(task.getName() + " · P-1");
		});
		Mocks.register("recordProjectPlanListener", (TaskListener) task -> {
			calls.add("recordProjectPlan");
			recordedPlan = task.getVariable(VAR_PLANNED_TASKS);
			task.removeVariable(VAR_PLANNED_TASKS);
		});
		Mocks.register("notifyAssigneesDelegate", recording(TASK_NOTIFY_ASSIGNEES));
		Mocks.register("closeProjectInAccountingDelegate", recording(TASK_CLOSE_IN_ACCOUNTING));
	}

	@Test
	void showsTheConfirmProjectFormToStartAProjectInTasklist() throws IOException {
		String definitionId = latestDefinitionId();

		try (InputStream form = processEngine.getFormService().getDeployedStartForm(definitionId)) {
			Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"confirm-project-form\"");
		}
	}

	@Test
	void registersTheProjectWhenStartedFromTasklist() {
		ProcessInstance instance = startFromTasklist();

		assertThat(instance).hasPassed(TASK_REGISTER_PROJECT)
			.isWaitingAt(TASK_SET_UP_ACCOUNTING)
			.variables()
			.containsEntry(VAR_MANAGER_ID, MANAGER_ID);
		Assertions.assertThat(calls).containsExactly(TASK_REGISTER_PROJECT);
	}

	@Test
	void skipsRegistrationWhenStartedByTheApiWithAProjectId() {
		ProcessInstance instance = startFromApi(MANAGER_ID);

		assertThat(instance).hasNotPassed(TASK_REGISTER_PROJECT).isWaitingAt(TASK_SET_UP_ACCOUNTING);
		Assertions.assertThat(calls).isEmpty();
	}

	@Test
	void startsNothingWhenTheConfirmedProjectCannotBeRegistered() {
		Mocks.register("registerProjectDelegate", (JavaDelegate) execution -> {
			throw new IllegalArgumentException("No client named 'Nowhere Ltd'");
		});

		assertThatThrownBy(this::startFromTasklist).hasMessage("No client named 'Nowhere Ltd'");
		Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count()).isZero();
		Assertions.assertThat(management.createJobQuery().count()).isZero();
	}

	@Test
	void setsUpTheProjectInAccountingInItsOwnTransactionBeforePlanning() {
		ProcessInstance instance = startFromApi(MANAGER_ID);
		Assertions.assertThat(calls).isEmpty();

		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		assertThat(instance).hasPassed(TASK_SET_UP_ACCOUNTING).isWaitingAt(TASK_PLAN_PROJECT);
		Assertions.assertThat(calls).containsExactly(TASK_SET_UP_ACCOUNTING, "nameTaskAfterProject");
	}

	@Test
	void offersPlanProjectToManagersButNotToConsultants() {
		ProcessInstance instance = startFromApi(null);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		TaskService tasks = processEngine.getTaskService();
		Assertions.assertThat(tasks.createTaskQuery().taskCandidateGroup("managers").list())
			.extracting(Task::getTaskDefinitionKey)
			.containsExactly(TASK_PLAN_PROJECT);
		Assertions.assertThat(tasks.createTaskQuery().taskCandidateGroup("consultants").count()).isZero();
	}

	@Test
	void assignsPlanProjectToTheProjectManager() {
		ProcessInstance instance = startFromTasklist();
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		assertThat(BpmnAwareTests.task(instance)).hasDefinitionKey(TASK_PLAN_PROJECT)
			.isAssignedTo(MANAGER_ID)
			.hasCandidateGroupAssociated("managers");
	}

	@Test
	void leavesPlanProjectToAllManagersWhenNoProjectManagerIsKnown() {
		ProcessInstance instance = startFromApi(null);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		assertThat(BpmnAwareTests.task(instance)).hasDefinitionKey(TASK_PLAN_PROJECT)
			.isNotAssigned()
			.hasCandidateGroupAssociated("managers");
	}

	@Test
	void namesThePlanTaskAfterTheProjectAndLinksItsPlanPage() throws IOException {
		ProcessInstance instance = startFromApi(MANAGER_ID);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		Task plan = BpmnAwareTests.task(instance);

		Assertions.assertThat(plan.getName()).isEqualTo("Plan project · P-1");
		try (InputStream form = processEngine.getFormService().getDeployedTaskForm(plan.getId())) {
			Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"plan-project-form\"", "/projects/{{projectId}}/plan");
		}
	}

	@Test
	void notifiesTheAssigneesOfThePlanAndWaitsUntilTheProjectIsCompleted() {
		ProcessInstance instance = startFromApi(MANAGER_ID);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		completePlan(instance);

		assertThat(instance).isWaitingAt(TASK_NOTIFY_ASSIGNEES);
		Assertions.assertThat(recordedPlan).hasToString(PLANNED_TASKS);
		assertThat(instance).variables().doesNotContainKey(VAR_PLANNED_TASKS);

		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);

		assertThat(instance).isWaitingAt(TASK_AWAIT_COMPLETION);
		Assertions.assertThat(calls).endsWith("recordProjectPlan", TASK_NOTIFY_ASSIGNEES);
	}

	@Test
	void closesTheProjectInAccountingWhenTheProjectIsCompleted() {
		ProcessInstance instance = startFromTasklist();
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		completePlan(instance);
		executeJobAt(management, instance, TASK_NOTIFY_ASSIGNEES);

		processEngine.getRuntimeService()
			.createMessageCorrelation(MSG_PROJECT_COMPLETED)
			.processInstanceBusinessKey("project:" + PROJECT_ID)
			.correlate();

		assertThat(instance).hasPassed(TASK_AWAIT_COMPLETION).isWaitingAt(TASK_CLOSE_IN_ACCOUNTING);

		executeJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING);

		assertThat(instance).hasPassedInOrder(TASK_REGISTER_PROJECT, TASK_SET_UP_ACCOUNTING, TASK_PLAN_PROJECT,
				TASK_NOTIFY_ASSIGNEES, TASK_AWAIT_COMPLETION, TASK_CLOSE_IN_ACCOUNTING, END_PROJECT_CLOSED)
			.isEnded();
		Assertions.assertThat(calls).containsExactly(TASK_REGISTER_PROJECT, TASK_SET_UP_ACCOUNTING, "nameTaskAfterProject",
				"recordProjectPlan", TASK_NOTIFY_ASSIGNEES, TASK_CLOSE_IN_ACCOUNTING);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TASK_SET_UP_ACCOUNTING, TASK_NOTIFY_ASSIGNEES, TASK_CLOSE_IN_ACCOUNTING })
	void retriesAFailingAccountingOrMailStepThreeTimesFiveMinutesApartThenRaisesAnIncident(String activityId) {
		Mocks.register(DELEGATES.get(activityId), (JavaDelegate) execution -> {
			throw new IllegalStateException("accounting system unavailable");
		});
		ProcessInstance instance = processEngine.getRuntimeService()
			.createProcessInstanceByKey(KEY)
			.businessKey(ProjectLifecycleProcess.businessKey(UUID.fromString(PROJECT_ID)))
			.setVariable(VAR_PROJECT_ID, PROJECT_ID)
			.startBeforeActivity(activityId)
			.execute();

		Assertions.assertThat(failJobAt(instance, activityId)).isEqualTo(2);
		Assertions.assertThat(jobAt(management, instance, activityId).getDuedate())
			.isAfter(new Date(ClockUtil.getCurrentTime().getTime() + 4 * 60_000));
		Assertions.assertThat(failJobAt(instance, activityId)).isEqualTo(1);
		Assertions.assertThat(failJobAt(instance, activityId)).isZero();

		Incident incident = processEngine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(instance.getId())
			.singleResult();
		Assertions.assertThat(incident.getActivityId()).isEqualTo(activityId);
		Assertions.assertThat(incident.getIncidentMessage()).isEqualTo("accounting system unavailable");
		assertThat(instance).isWaitingAt(activityId);
		Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
			.as("a technical failure is no business refusal: nobody is asked to fix data")
			.isZero();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TASK_SET_UP_ACCOUNTING, TASK_CLOSE_IN_ACCOUNTING })
	void asksFinanceToResolveARefusalByTheAccountingSystemInsteadOfRetrying(String activityId) throws IOException {
		Mocks.register(DELEGATES.get(activityId), rejecting());
		ProcessInstance instance = startBefore(activityId);

		executeJobAt(management, instance, activityId);

		assertThat(instance).hasPassed(activityId).isWaitingAt(RESOLVE_TASKS.get(activityId));
		assertThat(instance).variables().containsEntry(VAR_ACCOUNTING_ERROR, QBO_ERROR);
		Task resolve = BpmnAwareTests.task(instance);
		assertThat(resolve).hasCandidateGroup("finance").hasName("Resolve accounting problem · P-1");
		Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
		Assertions.assertThat(findJobAt(management, instance, activityId)).isNull();
		try (InputStream form = processEngine.getFormService().getDeployedTaskForm(resolve.getId())) {
			Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"resolve-accounting-rejection-form\"", "{{accountingError}}");
		}
	}

	@Test
	void continuesToPlanningWhenFinanceResolvesARefusedSetUp() {
		Mocks.register("setUpProjectInAccountingDelegate", rejecting());
		ProcessInstance instance = startFromApi(MANAGER_ID);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		Mocks.register("setUpProjectInAccountingDelegate", recording(TASK_SET_UP_ACCOUNTING));

		processEngine.getTaskService().complete(BpmnAwareTests.task(TASK_RESOLVE_SET_UP_REJECTION, instance).getId());

		assertThat(instance).isWaitingAt(TASK_SET_UP_ACCOUNTING);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		assertThat(instance).hasPassed(TASK_RESOLVE_SET_UP_REJECTION).isWaitingAt(TASK_PLAN_PROJECT);
		Assertions.assertThat(calls).contains(TASK_SET_UP_ACCOUNTING);
	}

	@Test
	void asksFinanceAgainWhenTheRetriedSetUpIsRefusedAgain() {
		Mocks.register("setUpProjectInAccountingDelegate", rejecting());
		ProcessInstance instance = startFromApi(MANAGER_ID);
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		processEngine.getTaskService().complete(BpmnAwareTests.task(TASK_RESOLVE_SET_UP_REJECTION, instance).getId());
		executeJobAt(management, instance, TASK_SET_UP_ACCOUNTING);

		assertThat(instance).isWaitingAt(TASK_RESOLVE_SET_UP_REJECTION);
		Assertions.assertThat(processEngine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_RESOLVE_SET_UP_REJECTION)
			.count()).isEqualTo(2);
	}

	@Test
	void closesTheProjectWhenFinanceResolvesARefusedClosing() {
		Mocks.register("closeProjectInAccountingDelegate", rejecting());
		ProcessInstance instance = startBefore(TASK_CLOSE_IN_ACCOUNTING);
		executeJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING);
		Mocks.register("closeProjectInAccountingDelegate", recording(TASK_CLOSE_IN_ACCOUNTING));

		processEngine.getTaskService().complete(BpmnAwareTests.task(TASK_RESOLVE_CLOSE_REJECTION, instance).getId());
		executeJobAt(management, instance, TASK_CLOSE_IN_ACCOUNTING);

		assertThat(instance).hasPassed(TASK_RESOLVE_CLOSE_REJECTION, END_PROJECT_CLOSED).isEnded();
		Assertions.assertThat(calls).containsExactly("nameTaskAfterProject", TASK_CLOSE_IN_ACCOUNTING);
	}

	@Test
	void continuesToPlanningWhenAFailedSetUpIsRetriedAfterTheAccountingSystemRecovers() {
		Mocks.register("setUpProjectInAccountingDelegate", (JavaDelegate) execution -> {
			throw new IllegalStateException("accounting system unavailable");
		});
		ProcessInstance instance = startFromApi(MANAGER_ID);
		while (failJobAt(instance, TASK_SET_UP_ACCOUNTING) > 0) {
			// until the retries are exhausted and Cockpit shows an incident
		}
		Mocks.register("setUpProjectInAccountingDelegate", recording(TASK_SET_UP_ACCOUNTING));

		Job failed = jobAt(management, instance, TASK_SET_UP_ACCOUNTING);
		management.setJobRetries(failed.getId(), 1);
		management.executeJob(failed.getId());

		assertThat(instance).isWaitingAt(TASK_PLAN_PROJECT);
		Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
	}

	/** A delegate refused by the accounting system, as the real delegates turn {@link AccountingRejected}. */
	private static JavaDelegate rejecting() {
		return execution -> {
			throw ProjectLifecycleProcess.accountingRejected(execution, new AccountingRejected("6240",
					"Duplicate Name Exists Error", "The name supplied already exists. : Id=58"));
		};
	}

	private ProcessInstance startBefore(String activityId) {
		return processEngine.getRuntimeService()
			.createProcessInstanceByKey(KEY)
			.businessKey(ProjectLifecycleProcess.businessKey(UUID.fromString(PROJECT_ID)))
			.setVariable(VAR_PROJECT_ID, PROJECT_ID)
			.startBeforeActivity(activityId)
			.execute();
	}

	private ProcessInstance startFromTasklist() {
		VariableMap form = Variables.createVariables()
			.putValue(VAR_CLIENT_NAME, "Northwind Traders")
			.putValue(VAR_PROJECT_NAME, "Website relaunch")
			.putValue(VAR_PROJECT_CODE, "NW-2026-01")
			.putValue(VAR_BILLING_MODEL, "TIME_AND_MATERIALS")
			.putValue(VAR_BILLING_CYCLE, "MONTHLY")
			.putValue(VAR_BUDGET_HOURS, 120)
			.putValue(VAR_BUDGET_AMOUNT, 18000.5)
			.putValue(VAR_MANAGER_ID, MANAGER_ID);
		return processEngine.getFormService().submitStartForm(latestDefinitionId(), form);
	}

	private ProcessInstance startFromApi(String managerId) {
		VariableMap variables = Variables.createVariables().putValue(VAR_PROJECT_ID, PROJECT_ID);
		if (managerId != null) {
			variables.putValue(VAR_MANAGER_ID, managerId);
		}
		return processEngine.getRuntimeService()
			.startProcessInstanceByKey(KEY, ProjectLifecycleProcess.businessKey(UUID.fromString(PROJECT_ID)),
					variables);
	}

	private void completePlan(ProcessInstance instance) {
		Task plan = BpmnAwareTests.task(TASK_PLAN_PROJECT, instance);
		// Tasklist submits the form-js dynamic list as a Json variable
		processEngine.getFormService()
			.submitTaskForm(plan.getId(),
					Map.of(VAR_PLANNED_TASKS, SpinValues.jsonValue(PLANNED_TASKS).create()));
	}

	/** Executes the job at the activity, expecting the stubbed accounting failure; returns the retries left. */
	private int failJobAt(ProcessInstance instance, String activityId) {
		String jobId = jobAt(management, instance, activityId).getId();
		assertThatThrownBy(() -> management.executeJob(jobId))
			.hasMessageContaining("accounting system unavailable");
		return jobAt(management, instance, activityId).getRetries();
	}

	private JavaDelegate recording(String activityId) {
		return execution -> calls.add(activityId);
	}

	private String latestDefinitionId() {
		return processEngine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.latestVersion()
			.singleResult()
			.getId();
	}

}
