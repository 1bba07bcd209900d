package com.ledgerflow.workflow.delegate;

import com.ledgerflow.project.AssignmentNotifier;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_NotifyAssignees: one e-mail per assignee with their tasks, through the outbox (idempotent). */
@Component
public class NotifyAssigneesDelegate implements JavaDelegate {

	private final AssignmentNotifier assignmentNotifier;

	NotifyAssigneesDelegate(AssignmentNotifier assignmentNotifier) {
		this.assignmentNotifier = assignmentNotifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		assignmentNotifier.notifyAssignees(ProjectLifecycleProcess.projectId(execution));
	}

}
