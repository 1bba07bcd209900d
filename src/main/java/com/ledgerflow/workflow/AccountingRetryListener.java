package com.ledgerflow.workflow;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingPushRetried;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.ProjectLifecycleProcess.*;

/**
 * Lets {@code project-lifecycle} continue after finance retried a failed push on the sync page: a waiting
 * <i>Resolve accounting problem</i> task is completed (the process pushes again, now successfully, and goes on), and
 * an accounting job whose retries are exhausted (an incident) gets one more retry. Runs after the retry's commit from
 * Spring Modulith's event registry; does nothing for a project whose process waits for neither.
 */
@Component
class AccountingRetryListener {

	private static final String[] RESOLVE_TASKS = { TASK_RESOLVE_SET_UP_REJECTION, TASK_RESOLVE_CLOSE_REJECTION };

	private static final List<String> ACCOUNTING_TASKS = List.of(TASK_SET_UP_ACCOUNTING, TASK_CLOSE_IN_ACCOUNTING);

	private static final Logger log = LoggerFactory.getLogger(AccountingRetryListener.class);

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	AccountingRetryListener(RuntimeService runtime, TaskService tasks, ManagementService management) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
	}

	@ApplicationModuleListener
	void on(AccountingPushRetried event) {
		event.projectIds().forEach(this::resume);
	}

	private void resume(UUID projectId) {
		List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey(projectId))
			.list();
		for (ProcessInstance instance : instances) {
			for (Task task : tasks.createTaskQuery()
				.processInstanceId(instance.getId())
				.taskDefinitionKeyIn(RESOLVE_TASKS)
				.list()) {
				log.info("Accounting retried for {}: completing {}", instance.getBusinessKey(), task.getName());
				tasks.complete(task.getId());
			}
			for (String activityId : ACCOUNTING_TASKS) {
				for (Job job : management.createJobQuery()
					.processInstanceId(instance.getId())
					.activityId(activityId)
					.noRetriesLeft()
					.list()) {
					log.info("Accounting retried for {}: one more retry of {}", instance.getBusinessKey(), activityId);
					management.setJobRetries(job.getId(), 1);
				}
			}
		}
	}

}
