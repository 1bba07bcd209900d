package com.ledgerflow.workflow.delegate;

import java.util.Objects;

import com.ledgerflow.people.Reviewers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jspecify.annotations.Nullable;

import static com.ledgerflow.workflow.ExpenseApprovalProcess.DECISION_APPROVE;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.DECISION_REJECT;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_APPROVED_BY;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_COMMENT;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_DECISION;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_MANAGER_USER_ID;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_REJECTED;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_REJECTED_BY;
import static com.ledgerflow.workflow.ExpenseApprovalProcess.VAR_REJECTION_COMMENT;

/**
 * A manager's and then finance's review task (complete), as expense-approval and invoice-to-cash model it (the same
 * variable names): checks the decision (a rejection needs a comment; otherwise the completion fails with the reason
 * and the task stays open) and collects it from the task's local {@code decision} and {@code comment} to the process:
 * {@code rejected}; for a rejection {@code rejectionComment} and {@code rejectedBy}; for an approval the approver
 * appended to {@code approvedBy} (who decided and the approvers' list: {@link Reviewers}).
 */
abstract class RecordReviewDecisionListener implements TaskListener {

	private final String subject;

	private final String managerTaskKey;

	/**
	 * @param subject what is reviewed, for the error message ("an expense")
	 * @param managerTaskKey the manager's task: without an assignee or caller, its decider is the manager
	 */
	RecordReviewDecisionListener(String subject, String managerTaskKey) {
		this.subject = subject;
		this.managerTaskKey = managerTaskKey;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean rejected = rejected(task, subject);
		Object comment = task.getVariable(VAR_COMMENT);
		String user = Reviewers.decidedBy(assigneeOrCaller(task), managerTaskKey.equals(task.getTaskDefinitionKey()),
				String.valueOf(task.getVariable(VAR_MANAGER_USER_ID)));
		var process = task.getExecution().getProcessInstance();
		process.setVariable(VAR_REJECTED, rejected);
		if (rejected) {
			process.setVariable(VAR_REJECTION_COMMENT, comment.toString().strip());
			process.setVariable(VAR_REJECTED_BY, user);
			return;
		}
		process.setVariable(VAR_APPROVED_BY,
				Reviewers.approvedBy(Objects.toString(process.getVariable(VAR_APPROVED_BY), null), user));
	}

	/**
	 * The task's decision from its form ({@code decision}, {@code comment}): true for a rejection. Refuses anything
	 * but approve or reject, and a rejection without a comment; the completion then fails and the task stays open.
	 */
	static boolean rejected(DelegateTask task, String subject) {
		Object decision = task.getVariable(VAR_DECISION);
		boolean rejected = DECISION_REJECT.equals(decision);
		if (!rejected && !DECISION_APPROVE.equals(decision)) {
			throw new IllegalArgumentException(VAR_DECISION + ": must be approve or reject, not " + decision);
		}
		Object comment = task.getVariable(VAR_COMMENT);
		if (rejected && (comment == null || comment.toString().isBlank())) {
			throw new IllegalArgumentException(VAR_COMMENT + ": is required when " + subject + " is rejected");
		}
		return rejected;
	}

	/** Who completes the task: its assignee (Tasklist claims before completing), else the authenticated caller. */
	static @Nullable String assigneeOrCaller(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return caller != null ? caller.getUserId() : null;
	}

}
