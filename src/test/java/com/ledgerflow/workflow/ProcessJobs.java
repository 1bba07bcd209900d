package com.ledgerflow.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives process instances on the test's thread as the job executor would (it is off in every test): the job at an
 * activity, the only job of an instance, all due jobs, and the instance an after-commit trigger starts.
 */
public final class ProcessJobs {

	/** More due jobs than any process takes in a test: a timer cycle that keeps firing fails instead of looping. */
	private static final int MAX_DUE_JOBS = 1_000;

	private ProcessJobs() {
	}

	/** The instance's job at the activity (an async continuation or a timer), or null when there is none. */
	public static @Nullable Job findJobAt(ManagementService management, ProcessInstance instance,
			String activityId) {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	/** The instance's job at the activity; fails the test when there is none. */
	public static Job jobAt(ManagementService management, ProcessInstance instance, String activityId) {
		Job job = findJobAt(management, instance, activityId);
		assertThat(job).as("job at %s", activityId).isNotNull();
		return job;
	}

	/** Executes the instance's job at the activity; fails the test when there is none. */
	public static void executeJobAt(ManagementService management, ProcessInstance instance, String activityId) {
		management.executeJob(jobAt(management, instance, activityId).getId());
	}

	/** The instance's one job, wherever it is; fails the test when there is none. */
	public static Job onlyJob(ManagementService management, ProcessInstance instance) {
		Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(job).as("a job of %s", instance.getId()).isNotNull();
		return job;
	}

	/** Executes the instance's one job; fails the test when there is none. */
	public static void executeNextJob(ManagementService management, ProcessInstance instance) {
		management.executeJob(onlyJob(management, instance).getId());
	}

	/** Executes the instance's one job {@code count} times: each job executed leaves the next one. */
	public static void executeNextJobs(ManagementService management, ProcessInstance instance, int count) {
		for (int i = 0; i < count; i++) {
			executeNextJob(management, instance);
		}
	}

	/** Executes the instance's due jobs one by one until none is due (a timer not due yet stays). */
	public static void executeDueJobs(ManagementService management, String processInstanceId) {
		for (int i = 0; i < MAX_DUE_JOBS; i++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			management.executeJob(due.get(0).getId());
		}
		throw new AssertionError("jobs keep coming for " + processInstanceId);
	}

	/** The running instance of the process with the business key, once a trigger has started it (20 s at most). */
	public static ProcessInstance awaitInstance(RuntimeService runtime, String processDefinitionKey,
			String businessKey) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> runtime.createProcessInstanceQuery()
				.processDefinitionKey(processDefinitionKey)
				.processInstanceBusinessKey(businessKey)
				.singleResult(), Objects::nonNull);
	}

}
