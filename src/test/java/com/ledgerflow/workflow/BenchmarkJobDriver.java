package com.ledgerflow.workflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

import static org.awaitility.Awaitility.await;

/**
 * Drives a run to its end the way the job executor would, on the test's thread: executes the jobs of the run process
 * and of the per-item process, completes the item process's review tasks (approve), and waits (for instances that
 * other threads start) only when there is nothing to do. Times each job by its activity and async boundary.
 */
final class BenchmarkJobDriver {

	private static final int PAGE = 100;

	private final ManagementService management;

	private final TaskService tasks;

	private final HistoryService history;

	private final String runKey;

	private final String itemKey;

	private final Set<String> reviewTasks;

	private final Map<String, String> steps = new HashMap<>();

	private final Map<String, long[]> timings = new TreeMap<>();

	private long busyNanos;

	BenchmarkJobDriver(ManagementService management, TaskService tasks, HistoryService history, String runKey,
			String itemKey, Set<String> reviewTasks) {
		this.management = management;
		this.tasks = tasks;
		this.history = history;
		this.runKey = runKey;
		this.itemKey = itemKey;
		this.reviewTasks = reviewTasks;
	}

	/** Runs until {@code ended} item instances have ended (each with its review approved). */
	void runUntilEnded(long ended, Duration atMost) {
		together(atMost, new Goal(this, ended));
	}

	/**
	 * Runs the drivers' passes in turn (so that all see the same machine load and database size) until each reached
	 * its goal; waiting for other threads counts as the waiting drivers' time.
	 */
	static void together(Duration atMost, Goal... goals) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!Arrays.stream(goals).allMatch(Goal::reached)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not done in " + atMost + ": " + Arrays.toString(goals));
			}
			int done = 0;
			for (Goal goal : goals) {
				if (!goal.reached()) {
					done += goal.driver().pass();
				}
			}
			if (done == 0) {
				long start = System.nanoTime();
				await().atMost(Duration.ofMinutes(2))
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(5))
					.until(() -> Arrays.stream(goals).anyMatch(goal -> goal.reached() || goal.driver().hasWork()));
				long waited = System.nanoTime() - start;
				for (Goal goal : goals) {
					if (!goal.reached()) {
						goal.driver().busyNanos += waited;
					}
				}
			}
		}
	}

	/** A driver and the number of its item instances that must have ended. */
	record Goal(BenchmarkJobDriver driver, long ended) {

		boolean reached() {
			return driver.ended() >= ended;
		}

		@Override
		public String toString() {
			return driver.itemKey + " " + driver.ended() + " of " + ended + " ended";
		}

	}

	/** The time this driver's passes took, waits for other threads included. */
	long busyNanos() {
		return busyNanos;
	}

	private int pass() {
		long start = System.nanoTime();
		int done = executeJobs(runKey) + executeJobs(itemKey) + completeReviews();
		busyNanos += System.nanoTime() - start;
		return done;
	}

	/** Job time (ms) summed by step ({@code activity:async-before}, …), and the job count of each. */
	Map<String, long[]> timings() {
		return timings;
	}

	long nanosOf(String activityId) {
		return timings.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith(activityId + ":"))
			.mapToLong(entry -> entry.getValue()[1])
			.sum();
	}

	long countOf(String activityId) {
		return timings.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith(activityId + ":"))
			.mapToLong(entry -> entry.getValue()[0])
			.sum();
	}

	void printTimings(String name) {
		timings.forEach((step, countAndNanos) -> System.out.printf(Locale.ROOT, "%s step %-40s %6d jobs %8.2f ms each%n",
				name, step, countAndNanos[0], countAndNanos[1] / 1e6 / countAndNanos[0]));
	}

	private int executeJobs(String processDefinitionKey) {
		List<Job> jobs = management.createJobQuery()
			.processDefinitionKey(processDefinitionKey)
			.executable()
			.listPage(0, PAGE);
		for (Job job : jobs) {
			if (Boolean.getBoolean("bench.trace")) {
				System.out.println("JOBTRACE " + step(job));
			}
			long start = System.nanoTime();
			management.executeJob(job.getId());
			long[] step = timings.computeIfAbsent(step(job), key -> new long[2]);
			step[0]++;
			step[1] += System.nanoTime() - start;
		}
		return jobs.size();
	}

	private int completeReviews() {
		long start = System.nanoTime();
		List<Task> open = tasks.createTaskQuery().processDefinitionKey(itemKey).listPage(0, PAGE);
		for (Task task : open) {
			if (!reviewTasks.contains(task.getTaskDefinitionKey())) {
				throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey() + " in " + itemKey);
			}
			tasks.complete(task.getId(),
					Variables.putValue(InvoiceToCashProcess.VAR_DECISION, InvoiceToCashProcess.DECISION_APPROVE));
		}
		if (!open.isEmpty()) {
			long[] step = timings.computeIfAbsent("(review tasks completed)", key -> new long[2]);
			step[0] += open.size();
			step[1] += System.nanoTime() - start;
		}
		return open.size();
	}

	private boolean hasWork() {
		return management.createJobQuery().processDefinitionKey(runKey).executable().count() > 0
				|| management.createJobQuery().processDefinitionKey(itemKey).executable().count() > 0
				|| tasks.createTaskQuery().processDefinitionKey(itemKey).count() > 0;
	}

	/** Item instances done: ended, or (invoice-to-cash) sent and waiting for payment, with their daily check armed. */
	private long ended() {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(itemKey).finished().count()
				+ management.createJobQuery()
					.processDefinitionKey(itemKey)
					.activityId(InvoiceToCashProcess.BOUNDARY_REMINDER_DAY)
					.count();
	}

	private String step(Job job) {
		return steps.computeIfAbsent(job.getJobDefinitionId(), id -> {
			JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
			return definition.getActivityId() + ":" + definition.getJobConfiguration();
		});
	}

}
