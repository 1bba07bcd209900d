package com.ledgerflow.workflow.delegate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_ReviewInvoice and Task_ReviewInvoiceAsFinance (complete): checks the decision (a rejection needs a comment;
 * otherwise the completion fails with the reason and the task stays open) and collects it from the task's local
 * {@code decision} and {@code comment} to the process: {@code rejected}; for a rejection {@code rejectionComment} and
 * {@code rejectedBy}; for an approval the approver appended to {@code approvedBy}.
 */
@Component
public class RecordInvoiceDecisionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object decision = task.getVariable(VAR_DECISION);
		boolean rejected = DECISION_REJECT.equals(decision);
		if (!rejected && !DECISION_APPROVE.equals(decision)) {
			throw new IllegalArgumentException(VAR_DECISION + ": must be approve or reject, not " + decision);
		}
		Object comment = task.getVariable(VAR_COMMENT);
		if (rejected && (comment == null || comment.toString().isBlank())) {
			throw new IllegalArgumentException(VAR_COMMENT + ": is required when an invoice is rejected");
		}
		String user = decidedBy(task);
		var process = task.getExecution().getProcessInstance();
		process.setVariable(VAR_REJECTED, rejected);
		if (rejected) {
			process.setVariable(VAR_REJECTION_COMMENT, comment.toString().strip());
			process.setVariable(VAR_REJECTED_BY, user);
			return;
		}
		Object before = process.getVariable(VAR_APPROVED_BY);
		process.setVariable(VAR_APPROVED_BY,
				before == null || before.toString().isBlank() ? user : before + "," + user);
	}

	/** The assignee (Tasklist claims before completing), else the caller, else the task's candidate. */
	private static String decidedBy(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (caller != null && caller.getUserId() != null) {
			return caller.getUserId();
		}
		return TASK_REVIEW_INVOICE.equals(task.getTaskDefinitionKey())
				? String.valueOf(task.getVariable(VAR_MANAGER_USER_ID)) : "finance";
	}

}
