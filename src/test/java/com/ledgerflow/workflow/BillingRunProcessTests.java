package com.ledgerflow.workflow;

import static com.ledgerflow.workflow.BillingRunProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/billing-run.bpmn with stub delegates: timer and manual start, one draft per project, retries. */
@Deployment(resources = { "bpmn/billing-run.bpmn", "forms/start-billing-run-form.form" })
class BillingRunProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	/** 05:30 on the 2nd of each month: not the default, so the test proves the configured cron is used. */
	private static final String MULTI_INSTANCE_BODY = TASK_DRAFT_INVOICE + "#multiInstanceBody";

	private static final String CRON = "0 30 5 2 * ?";

	private static final List<String> PROJECTS = List.of("11111111-1111-1111-1111-111111111111",
			"22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333");

	/** Injected by the extension. */
	ProcessEngine processEngine;

	/** The period the stubbed Task_FindProjectsDue was given by the start, or "none". */
	private final List<String> periodsGiven = new CopyOnWriteArrayList<>();

	/** The projects the stubbed Task_DraftInvoice was asked to draft, in order. */
	private final List<String> drafted = new CopyOnWriteArrayList<>();

	/** Projects with nothing to bill. */
	private Set<String> nothingToBill = Set.of(PROJECTS.get(2));

	/** How many times the stubbed drafting fails before it succeeds. */
	private int failures;

	@BeforeEach
	void stubDelegates() {
		Mocks.register("billingRunSchedule", new BillingRunSchedule(CRON));
		Mocks.register("findProjectsDueDelegate", (JavaDelegate) execution -> {
			periodsGiven.add(BillingRunProcess.period(execution).map(Object::toString).orElse("none"));
			String period = BillingRunProcess.period(execution).map(Object::toString).orElse("2026-10");
			execution.setVariable(VAR_PERIOD, period);
			execution.setProcessBusinessKey(KEY + ":" + period);
			execution.setVariable(VAR_PROJECT_IDS, projectIds(PROJECTS));
			execution.setVariable(VAR_DRAFTED_COUNT, 0);
		});
		Mocks.register("draftInvoiceDelegate", (JavaDelegate) execution -> {
			String project = (String) execution.getVariable(VAR_PROJECT_ID);
			if (failures > 0) {
				failures--;
				throw new IllegalStateException("database unavailable");
			}
			drafted.add(project + " " + execution.getVariable(VAR_PERIOD));
			if (!nothingToBill.contains(project)) {
				execution.setVariable(VAR_DRAFTED_COUNT, draftedCount(execution) + 1);
			}
		});
	}

	@Test
	void startsOnTheConfiguredCronAndLeavesThePeriodToFindProjectsDue() {
		Job timer = processEngine.getManagementService()
			.createJobQuery()
			.activityId(START_BILLING_DUE)
			.singleResult();
		Assertions.assertThat(timer).as("timer start job").isNotNull();
		LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
		Assertions.assertThat(due.getDayOfMonth()).isEqualTo(2);
		Assertions.assertThat(due.toLocalTime()).hasToString("05:30");

		processEngine.getManagementService().executeJob(timer.getId());

		ProcessInstance instance = processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.singleResult();
		assertThat(instance).isWaitingAt(TASK_FIND_PROJECTS_DUE).hasBusinessKey(null);
		executeJobAt(instance, TASK_FIND_PROJECTS_DUE);
		Assertions.assertThat(periodsGiven).as("a scheduled start has no period: the delegate takes last month")
			.containsExactly("none");
	}

	@Test
	void startsManuallyWithThePeriodAndTheStartForm() {
		String definition = processEngine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.singleResult()
			.getId();
		Assertions.assertThat(processEngine.getFormService().getStartFormData(definition).getCamundaFormRef().getKey())
			.isEqualTo(FORM_START);

		ProcessInstance instance = start("2026-11");

		assertThat(instance).isWaitingAt(TASK_FIND_PROJECTS_DUE).hasBusinessKey("billing-run:2026-11")
			.hasPassed(START_BILLING_DUE);
		Assertions.assertThat(processEngine.getManagementService().createJobQuery().activityId(START_BILLING_DUE).count())
			.as("the timer stays scheduled").isOne();
		Assertions.assertThat(drafted).isEmpty();
		executeJobAt(instance, TASK_FIND_PROJECTS_DUE);
		Assertions.assertThat(periodsGiven).containsExactly("2026-11");
	}

	@Test
	void draftsOneProjectAfterAnotherInItsOwnJobForThePeriod() {
		ProcessInstance instance = start("2026-11");
		executeJobAt(instance, TASK_FIND_PROJECTS_DUE);
		executeJobAt(instance, MULTI_INSTANCE_BODY);

		for (int i = 0; i < PROJECTS.size(); i++) {
			Assertions.assertThat(jobsAt(instance, TASK_DRAFT_INVOICE)).as("sequential: one job at a time").hasSize(1);
			executeJobAt(instance, TASK_DRAFT_INVOICE);
		}

		Assertions.assertThat(drafted).containsExactly(PROJECTS.get(0) + " 2026-11", PROJECTS.get(1) + " 2026-11",
				PROJECTS.get(2) + " 2026-11");
		assertThat(instance).isEnded().hasPassed(END_BILLING_RUN_DONE);
	}

	@Test
	void retriesAFailingDraftFiveMinutesLater() {
		nothingToBill = Set.of();
		ProcessInstance instance = start("2026-11");
		executeJobAt(instance, TASK_FIND_PROJECTS_DUE);
		executeJobAt(instance, MULTI_INSTANCE_BODY);
		failures = 1;

		Job job = jobsAt(instance, TASK_DRAFT_INVOICE).get(0);
		Assertions.assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
			.hasMessageContaining("database unavailable");
		Job retry = jobsAt(instance, TASK_DRAFT_INVOICE).get(0);
		Assertions.assertThat(retry.getRetries()).isEqualTo(2);
		Assertions.assertThat(retry.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 60_000));
		Assertions.assertThat(retry.getExceptionMessage()).contains("database unavailable");

		for (int i = 0; i < PROJECTS.size(); i++) {
			executeJobAt(instance, TASK_DRAFT_INVOICE);
		}
		assertThat(instance).isEnded().hasPassed(END_BILLING_RUN_DONE);
		Assertions.assertThat(drafted).as("the failed project once, after its retry")
			.containsExactly(PROJECTS.get(0) + " 2026-11", PROJECTS.get(1) + " 2026-11", PROJECTS.get(2) + " 2026-11");
	}

	private ProcessInstance start(String period) {
		return processEngine.getRuntimeService()
			.startProcessInstanceByKey(KEY, KEY + ":" + period, Map.of(VAR_PERIOD, period));
	}

	private List<Job> jobsAt(ProcessInstance instance, String activityId) {
		var definitions = processEngine.getManagementService()
			.createJobDefinitionQuery()
			.activityIdIn(activityId)
			.list();
		Assertions.assertThat(definitions).as("job definition at %s", activityId).hasSize(1);
		return processEngine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.jobDefinitionId(definitions.get(0).getId())
			.list();
	}

	private void executeJobAt(ProcessInstance instance, String activityId) {
		List<Job> jobs = jobsAt(instance, activityId);
		Assertions.assertThat(jobs).as("job at %s", activityId).hasSize(1);
		processEngine.getManagementService().executeJob(jobs.get(0).getId());
	}

}
