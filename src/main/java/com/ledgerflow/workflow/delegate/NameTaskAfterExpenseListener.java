package com.ledgerflow.workflow.delegate;

import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Any user task on an expense (create): names it after the submitter, the vendor and the amount, so that a Tasklist
 * full of "Approve expense" reads "Approve expense · Pat Doe, Yellow Cab 42.50 EUR".
 */
@Component
public class NameTaskAfterExpenseListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.setName(task.getName() + " · " + task.getVariable(ExpenseApprovalProcess.VAR_SUBMITTER_NAME) + ", "
				+ task.getVariable(ExpenseApprovalProcess.VAR_VENDOR) + " "
				+ task.getVariable(ExpenseApprovalProcess.VAR_SPENT));
	}

}
