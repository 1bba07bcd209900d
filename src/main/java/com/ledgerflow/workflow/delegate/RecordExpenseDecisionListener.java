package com.ledgerflow.workflow.delegate;

import com.ledgerflow.workflow.ExpenseApprovalProcess;

import org.springframework.stereotype.Component;

/** Task_ApproveExpense and Task_ApproveExpenseAsFinance (complete): see {@link RecordReviewDecisionListener}. */
@Component
public class RecordExpenseDecisionListener extends RecordReviewDecisionListener {

	public RecordExpenseDecisionListener() {
		super("an expense", ExpenseApprovalProcess.TASK_APPROVE_EXPENSE);
	}

}
