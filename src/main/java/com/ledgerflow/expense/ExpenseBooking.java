package com.ledgerflow.expense;

import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.shared.StateConflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books an approved expense in accounting once (QBO: a {@code Purchase} whose one expense line is on the project's
 * job, {@code BillableStatus} Billable when billable), in the project's currency. A retry after a crash or an outage
 * returns the first booking. An expense taken over from accounting (origin {@link ExpenseOrigin#QBO}) is booked there
 * already: its purchase is the answer, nothing is pushed.
 */
@Service
public class ExpenseBooking {

	private final ExpenseService expenses;

	private final AccountingSync accounting;

	private final ProjectService projects;

	private final ClientService clients;

	private final ExpenseProperties properties;

	ExpenseBooking(ExpenseService expenses, AccountingSync accounting, ProjectService projects,
			ClientService clients, ExpenseProperties properties) {
		this.expenses = expenses;
		this.accounting = accounting;
		this.projects = projects;
		this.clients = clients;
		this.properties = properties;
	}

	/** @throws AccountingRejected when the accounting system refuses it (the process shows it to a person) */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef book(UUID expenseId) {
		Expense expense = expenses.get(expenseId);
		if (expense.status() != ExpenseStatus.APPROVED && expense.status() != ExpenseStatus.INVOICED) {
			throw new StateConflict("Expense " + expenseId + " is " + expense.status() + "; only approved expenses "
					+ "are booked in accounting");
		}
		if (expense.origin() == ExpenseOrigin.QBO) {
			return new ExternalRef(purchaseOf(expense));
		}
		ExternalRef job = accounting.setUpProject(expense.projectId());
		ExternalRef vendor = accounting.pushVendor(expense.vendor());
		String currency = clients.get(projects.get(expense.projectId()).clientId()).currency().getCurrencyCode();
		String description = expense.description().isBlank() ? expense.category() + " · " + expense.vendor()
				: expense.description();
		return accounting.pushBillableExpense(new BillableExpenseEntry(expense.id(), job, expense.date(),
				expense.projectAmount(), currency, vendor, properties.expenseAccount(), properties.paymentAccount(),
				expense.billable(), description));
	}

	@Transactional(readOnly = true)
	public Optional<String> booked(UUID expenseId) {
		Expense expense = expenses.get(expenseId);
		if (expense.origin() == ExpenseOrigin.QBO) {
			return Optional.of(purchaseOf(expense));
		}
		return accounting.syncedExpense(expenseId);
	}

	// taken over from a purchase line, "{purchaseId}:{lineId}": it is in accounting already, booking it would double it
	private static String purchaseOf(Expense expense) {
		String externalId = String.valueOf(expense.externalId());
		return externalId.substring(0, externalId.lastIndexOf(':'));
	}

}
