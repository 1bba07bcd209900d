package com.ledgerflow.workflow.delegate;

import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
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

	private final ExpenseService expenses;

	private final PersonService people;

	private final ProjectService projects;

	private final ClientService clients;

	AssessExpenseDelegate(ExpenseService expenses, PersonService people, ProjectService projects,
			ClientService clients) {
		this.expenses = expenses;
		this.people = people;
		this.projects = projects;
		this.clients = clients;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID id = ExpenseApprovalProcess.expenseId(execution);
		Expense expense = expenses.get(id);
		Project project = projects.get(expense.projectId());
		var submitter = people.get(expense.personId());
		execution.setVariable(VAR_AMOUNT, expense.projectAmount().doubleValue());
		String currency = clients.get(project.clientId()).currency().getCurrencyCode();
		execution.setVariable(VAR_CURRENCY, currency);
		execution.setVariable(VAR_PROJECT_AMOUNT, expense.projectAmount().toPlainString() + " " + currency);
		execution.setVariable(VAR_HAS_RECEIPT, expense.hasReceipt());
		execution.setVariable(VAR_SPENT, expense.amount().toPlainString() + " " + expense.currency());
		execution.setVariable(VAR_SUBMITTER_NAME, submitter.name());
		execution.setVariable(VAR_SUBMITTER_USER_ID, submitter.userId());
		execution.setVariable(VAR_MANAGER_USER_ID, projects.managerUserId(project.id()));
		execution.setVariable(VAR_PROJECT, project.code() + " " + project.name());
		execution.setVariable(VAR_EXPENSE_DATE, expense.date().toString());
		execution.setVariable(VAR_CATEGORY, expenses.categoryName(expense.category()));
		execution.setVariable(VAR_VENDOR, expense.vendor());
		execution.setVariable(VAR_DESCRIPTION, expense.description());
		execution.setVariable(VAR_BILLABLE, expense.billable());
		execution.setVariable(VAR_MARKUP_PERCENT, expense.markupPercent().toPlainString());
		execution.setVariable(VAR_RECEIPT_URL, expense.hasReceipt() ? receiptUrl(id) : null);
		execution.setVariable(VAR_REJECTED, false); // a new round of approvals
		execution.setVariable(VAR_APPROVED_BY, "");
	}

}
