package com.ledgerflow.workflow.delegate;

import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Task_ReviseExpense (complete): the submitter completed the task in Tasklist after editing the expense, so it is
 * submitted here, in the completion's transaction (an expense that cannot be submitted fails the completion with the
 * reason). When it was resubmitted through the API instead, the trigger completes the task with the local variable
 * {@code resubmitted} and nothing is submitted twice.
 */
@Component
public class ResubmitExpenseListener implements TaskListener {

	private final ExpenseService expenses;

	ResubmitExpenseListener(ExpenseService expenses) {
		this.expenses = expenses;
	}

	@Override
	public void notify(DelegateTask task) {
		if (Boolean.TRUE.equals(task.getVariableLocal(ExpenseApprovalProcess.VAR_RESUBMITTED))) {
			return;
		}
		expenses.submit(ExpenseApprovalProcess.expenseId(task.getExecution()));
	}

}
