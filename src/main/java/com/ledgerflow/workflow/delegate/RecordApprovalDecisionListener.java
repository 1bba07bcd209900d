package com.ledgerflow.workflow.delegate;

import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.TimesheetApprovalProcess.*;

/**
 * Task_ApproveTimesheet (complete), one per approver: checks the decision (a rejection needs a comment; otherwise the
 * completion fails with the reason and the task stays open) and collects it from the instance's local variables
 * {@code decision} and {@code comment} to the process: {@code rejected}, and for a rejection
 * {@code rejectionComment} and {@code rejectedBy}. A rejection ends the multi-instance (its completion condition), so
 * the last completed approval always decides {@code rejected}.
 */
@Component
public class RecordApprovalDecisionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		boolean rejected = RecordReviewDecisionListener.rejected(task, "a timesheet");
		Object comment = task.getVariable(VAR_COMMENT);
		var process = task.getExecution().getProcessInstance();
		process.setVariable(VAR_REJECTED, rejected);
		if (rejected) {
			process.setVariable(VAR_REJECTION_COMMENT, comment.toString().strip());
			process.setVariable(VAR_REJECTED_BY, task.getAssignee());
		}
	}

}
