package com.ledgerflow.workflow;

import java.util.Map;

import com.ledgerflow.project.ProjectCompleted;
import com.ledgerflow.project.ProjectConfirmed;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.ProjectLifecycleProcess.*;

/**
 * Starts {@code project-lifecycle} on {@link ProjectConfirmed} and correlates {@code Msg_ProjectCompleted} on
 * {@link ProjectCompleted}. Both run after the business commit from Spring Modulith's event registry, so a crash
 * retries them; both are idempotent.
 */
@Component
class ProjectLifecycleTrigger {

	private static final Logger log = LoggerFactory.getLogger(ProjectLifecycleTrigger.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	ProjectLifecycleTrigger(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@ApplicationModuleListener
	void on(ProjectConfirmed event) {
		String businessKey = businessKey(event.projectId());
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			log.info("{} already has a {} instance", businessKey, KEY);
			return;
		}
		runtime.startProcessInstanceByKey(KEY, businessKey,
				Map.of(VAR_PROJECT_ID, event.projectId().toString(), VAR_MANAGER_ID, event.managerUserId()));
	}

	/**
	 * Camunda does not buffer messages: if the instance is not yet waiting (its notification job is still running),
	 * this fails, the publication stays incomplete, and {@link IncompleteEventRetry} delivers it again.
	 */
	@ApplicationModuleListener
	void on(ProjectCompleted event) {
		String businessKey = businessKey(event.projectId());
		boolean waiting = runtime.createExecutionQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.messageEventSubscriptionName(MSG_PROJECT_COMPLETED)
			.count() > 0;
		if (waiting) {
			runtime.createMessageCorrelation(MSG_PROJECT_COMPLETED).processInstanceBusinessKey(businessKey).correlate();
			return;
		}
		var instance = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
		boolean alreadyPast = instance != null && history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_AWAIT_COMPLETION)
			.finished()
			.count() > 0;
		if (!alreadyPast) {
			throw new IllegalStateException(businessKey + " is not waiting for " + MSG_PROJECT_COMPLETED + " yet");
		}
	}

}
