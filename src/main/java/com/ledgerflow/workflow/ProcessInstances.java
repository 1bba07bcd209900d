package com.ledgerflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the triggers and starters share about running instances: whether one runs for a business key, and — for the
 * approvals — completing the instance's waiting <i>Revise</i> task as resubmitted (task-local
 * {@code resubmitted = true}, so the task's own listener does not submit it a second time) instead of starting a
 * second instance.
 */
@Component
class ProcessInstances {

	static final String VAR_RESUBMITTED = "resubmitted";

	private static final Logger log = LoggerFactory.getLogger(ProcessInstances.class);

	private final RuntimeService runtime;

	private final TaskService tasks;

	ProcessInstances(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** Completes the waiting revise task as resubmitted; false when the instance waits elsewhere (or none runs). */
	boolean completeWaitingRevision(String processKey, String businessKey, String reviseTaskKey) {
		Task revise = tasks.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(reviseTaskKey)
			.singleResult();
		if (revise == null) {
			return false;
		}
		log.info("{} resubmitted: completing {}", businessKey, revise.getName());
		tasks.setVariableLocal(revise.getId(), VAR_RESUBMITTED, true);
		tasks.complete(revise.getId());
		return true;
	}

	/** Whether an instance of the process runs for the business key (then a submission starts nothing). */
	boolean running(String processKey, String businessKey) {
		boolean running = runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.count() > 0;
		if (running) {
			log.info("{} already has a running {} instance", businessKey, processKey);
		}
		return running;
	}

}
