package com.ledgerflow.workflow.delegate;

import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_RecordExpenseApproval: the expense becomes APPROVED, decided by its approvers (manager, then finance) or by the
 * routing decision for an automatic approval.
 */
@Component
public class RecordExpenseApprovalDelegate implements JavaDelegate {

	private final ExpenseService expenses;

	RecordExpenseApprovalDelegate(ExpenseService expenses) {
		this.expenses = expenses;
	}

	@Override
	public void execute(DelegateExecution execution) {
		expenses.approve(ExpenseApprovalProcess.expenseId(execution), ExpenseApprovalProcess.approvedBy(execution));
	}

}
