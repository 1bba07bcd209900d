package com.ledgerflow.workflow;

import static com.ledgerflow.workflow.ProjectLifecycleProcess.KEY;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_PLAN_PROJECT;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_SET_UP_ACCOUNTING;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_MANAGER_ID;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.VAR_PROJECT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-to-<em>Plan project</em> of project-lifecycle (API start, stub delegates, the set-up job executed) against a
 * start-to-user-task of a one-task process, on the same in-memory engine. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("benchmark")
class ProjectLifecycleBenchmarkTests {

	private static final String BASELINE_KEY = "benchmark-baseline";

	private static final int WARM_UP = 100;

	private static final int MEASURED = 300;

	private ProcessEngine engine;

	private RuntimeService runtime;

	private TaskService tasks;

	private ManagementService management;

	@BeforeEach
	void deployBothProcesses() {
		engine = InMemoryProcessEngine.create();
		runtime = engine.getRuntimeService();
		tasks = engine.getTaskService();
		management = engine.getManagementService();
		engine.getRepositoryService()
			.createDeployment()
			.addClasspathResource("bpmn/project-lifecycle.bpmn")
			.addClasspathResource("forms/confirm-project-form.form")
			.addClasspathResource("forms/plan-project-form.form")
			.addModelInstance("benchmark-baseline.bpmn", Bpmn.createExecutableProcess(BASELINE_KEY)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("Task_Baseline")
				.camundaCandidateGroups("managers")
				.endEvent()
				.done())
			.deploy();
		Mocks.register("setUpProjectInAccountingDelegate", (JavaDelegate) execution -> {
		});
		Mocks.register("nameTaskAfterProjectListener", (TaskListener) task -> task.setName(task.getName() + " · P-1"));
	}

	@AfterEach
	void closeEngine() {
		Mocks.reset();
		engine.close();
	}

	@Test
	void measuresStartToPlanProjectAgainstAOneTaskProcess() {
		for (int i = 0; i < WARM_UP; i++) {
			startLifecycleUntilPlanning();
			startBaselineUntilItsTask();
		}

		long lifecycleNanos = 0;
		long baselineNanos = 0;
		for (int i = 0; i < MEASURED; i++) {
			// interleaved, so both see the same JIT state and database size
			long start = System.nanoTime();
			startLifecycleUntilPlanning();
			long middle = System.nanoTime();
			startBaselineUntilItsTask();
			baselineNanos += System.nanoTime() - middle;
			lifecycleNanos += middle - start;
		}

		double lifecycleMicros = lifecycleNanos / 1_000.0 / MEASURED;
		double ratio = (double) lifecycleNanos / baselineNanos;
		System.out.printf(Locale.ROOT, "BENCH project_lifecycle_start_to_plan %.1f us ratio=%.2f%n", lifecycleMicros,
				ratio);
		assertThat(tasks.createTaskQuery().taskDefinitionKey(TASK_PLAN_PROJECT).count()).isEqualTo(WARM_UP + MEASURED);
	}

	private void startLifecycleUntilPlanning() {
		String projectId = UUID.randomUUID().toString();
		String instanceId = runtime
			.startProcessInstanceByKey(KEY, "project:" + projectId,
					Variables.createVariables().putValue(VAR_PROJECT_ID, projectId).putValue(VAR_MANAGER_ID, "demo"))
			.getId();
		Job setUp = management.createJobQuery()
			.processInstanceId(instanceId)
			.activityId(TASK_SET_UP_ACCOUNTING)
			.singleResult();
		management.executeJob(setUp.getId());
		requireTask(instanceId);
	}

	private void startBaselineUntilItsTask() {
		requireTask(runtime.startProcessInstanceByKey(BASELINE_KEY).getId());
	}

	private void requireTask(String instanceId) {
		Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
		if (task == null) {
			throw new IllegalStateException("No user task in " + instanceId);
		}
	}

}
