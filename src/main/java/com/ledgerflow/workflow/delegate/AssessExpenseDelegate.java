package com.ledgerflow.workflow.delegate;

import java.util.UUID;

import com.ledgerflow.expense.ExpenseReview;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.ExpenseApprovalProcess.*;

/**
 * Task_AssessExpense: the facts of the submitted expense that the routing decision, the approval tasks and their form
 * read (amount in the project's currency, receipt, who paid, who approves), and {@code rejected} = false with no
 * approvers yet, as every submission starts a new round of approvals.
 */
@Component
public class AssessExpenseDelegate implements JavaDelegate {

	private final ExpenseReview review;

	AssessExpenseDelegate(ExpenseReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID id = ExpenseApprovalProcess.expenseId(execution);
		ExpenseReview.Facts facts = review.facts(id);
		execution.setVariable(VAR_AMOUNT, facts.projectAmount().doubleValue());
		execution.setVariable(VAR_CURRENCY, facts.currency());
		execution.setVariable(VAR_PROJECT_AMOUNT, facts.projectAmountText());
		execution.setVariable(VAR_HAS_RECEIPT, facts.hasReceipt());
		execution.setVariable(VAR_SPENT, facts.spent());
		execution.setVariable(VAR_SUBMITTER_NAME, facts.submitterName());
		execution.setVariable(VAR_SUBMITTER_USER_ID, facts.submitterUserId());
		execution.setVariable(VAR_MANAGER_USER_ID, facts.managerUserId());
		execution.setVariable(VAR_PROJECT, facts.project());
		execution.setVariable(VAR_EXPENSE_DATE, facts.date().toString());
		execution.setVariable(VAR_CATEGORY, facts.category());
		execution.setVariable(VAR_VENDOR, facts.vendor());
		execution.setVariable(VAR_DESCRIPTION, facts.description());
		execution.setVariable(VAR_BILLABLE, facts.billable());
		execution.setVariable(VAR_MARKUP_PERCENT, facts.markupPercent().toPlainString());
		execution.setVariable(VAR_RECEIPT_URL, facts.hasReceipt() ? receiptUrl(id) : null);
		execution.setVariable(VAR_REJECTED, false); // a new round of approvals
		execution.setVariable(VAR_APPROVED_BY, "");
	}

}
