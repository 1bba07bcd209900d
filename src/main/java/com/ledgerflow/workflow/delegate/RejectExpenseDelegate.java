package com.ledgerflow.workflow.delegate;

import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RejectExpense: hands the expense back to its submitter (REJECTED, editable) with the approver's comment. */
@Component
public class RejectExpenseDelegate implements JavaDelegate {

	private final ExpenseService expenses;

	RejectExpenseDelegate(ExpenseService expenses) {
		this.expenses = expenses;
	}

	@Override
	public void execute(DelegateExecution execution) {
		expenses.reject(ExpenseApprovalProcess.expenseId(execution),
				(String) execution.getVariable(ExpenseApprovalProcess.VAR_REJECTED_BY),
				(String) execution.getVariable(ExpenseApprovalProcess.VAR_REJECTION_COMMENT));
	}

}
