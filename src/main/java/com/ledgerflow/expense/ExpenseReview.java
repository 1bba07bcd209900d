package com.ledgerflow.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an approver of an expense sees and what its routing reads, gathered once per submission. */
@Service
public class ExpenseReview {

	/**
	 * @param projectAmount the amount in the project's currency (the routing's amount)
	 * @param spent what was paid, as paid ("199.99 EUR")
	 * @param managerUserId the login of the project's manager, who approves it
	 */
	public record Facts(BigDecimal projectAmount, String currency, boolean hasReceipt, String spent,
			String submitterName, String submitterUserId, String managerUserId, String project, LocalDate date,
			String category, String vendor, String description, boolean billable, BigDecimal markupPercent) {

		/** The project amount with its currency ("216.49 USD"). */
		public String projectAmountText() {
			return projectAmount.toPlainString() + " " + currency;
		}

	}

	private final ExpenseService expenses;

	private final PersonService people;

	private final ProjectService projects;

	private final ClientService clients;

	ExpenseReview(ExpenseService expenses, PersonService people, ProjectService projects, ClientService clients) {
		this.expenses = expenses;
		this.people = people;
		this.projects = projects;
		this.clients = clients;
	}

	@Transactional(readOnly = true)
	public Facts facts(UUID expenseId) {
		Expense expense = expenses.get(expenseId);
		Project project = projects.get(expense.projectId());
		Person submitter = people.get(expense.personId());
		return new Facts(expense.projectAmount(), clients.get(project.clientId()).currency().getCurrencyCode(),
				expense.hasReceipt(), expense.amount().toPlainString() + " " + expense.currency(), submitter.name(),
				submitter.userId(), people.get(project.managerId()).userId(), project.code() + " " + project.name(),
				expense.date(), expenses.categoryName(expense.category()), expense.vendor(), expense.description(),
				expense.billable(), expense.markupPercent());
	}

}
