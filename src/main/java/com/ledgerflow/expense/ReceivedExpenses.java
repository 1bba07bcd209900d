package com.ledgerflow.expense;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ReceivedPurchase;
import com.ledgerflow.accounting.ReceivedPurchases;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes purchases entered in the accounting system over as draft expenses with origin {@link ExpenseOrigin#QBO}: one
 * per line on a Ledgerflow project's job, {@code external_id} {@code {purchaseId}:{lineId}}, under the same
 * {@link ExpenseRules} as any other expense. A purchase names no employee, so the expense is the project manager's
 * (always on the team) until they hand it on. Changes of one purchase delivered at once wait for each other on a
 * database lock. Each call runs in its own transaction and answers why lines were not taken over (empty: all were);
 * the rules refuse before anything is written, so a refused line leaves the others' work intact.
 */
@Service
class ReceivedExpenses {

	static final String CATEGORY = "OTHER";

	private static final Logger log = LoggerFactory.getLogger(ReceivedExpenses.class);

	private final ExpenseRepository expenses;

	private final ExpenseRules rules;

	private final ExpenseService service;

	private final ReceivedPurchases purchases;

	private final Clock clock;

	ReceivedExpenses(ExpenseRepository expenses, ExpenseRules rules, ExpenseService service,
			ReceivedPurchases purchases, Clock clock) {
		this.expenses = expenses;
		this.rules = rules;
		this.service = service;
		this.purchases = purchases;
		this.clock = clock;
	}

	/**
	 * Reads the purchase and creates a draft expense per line on a Ledgerflow project, or updates the one taken over
	 * before while it is editable; drafts of lines no longer on a project's job are removed. Nothing when the
	 * purchase is gone or is Ledgerflow's own booking.
	 * @return why lines were not taken over, one sentence each
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<String> takeOver(String purchaseId) {
		expenses.lockPurchase(purchaseId);
		Optional<ReceivedPurchase> received = purchases.read(purchaseId);
		if (received.isEmpty()) {
			return List.of();
		}
		List<String> refused = new ArrayList<>();
		Set<String> onProjects = new HashSet<>();
		for (ReceivedPurchase.Line line : received.get().lines()) {
			String externalId = purchaseId + ":" + line.line().id();
			try {
				if (line.projectId() != null) {
					onProjects.add(externalId);
				}
				takeOver(received.get().purchase(), line, externalId);
			}
			catch (PurchaseNotTakenOver | InvalidField | StateConflict | NotFound ex) {
				refused.add("line " + line.line().id() + " " + reason(ex));
			}
		}
		refused.addAll(removeDrafts(purchaseId, onProjects, "no longer on a Ledgerflow project's job in accounting"));
		return refused;
	}

	/**
	 * Deletes the drafts taken over from the purchase; locked expenses stay.
	 * @return why expenses stayed, one sentence each
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<String> remove(String purchaseId) {
		expenses.lockPurchase(purchaseId);
		return removeDrafts(purchaseId, Set.of(), "deleted in accounting");
	}

	private void takeOver(ExternalPurchase purchase, ReceivedPurchase.Line received, String externalId) {
		UUID projectId = received.projectId();
		if (projectId == null) {
			throw new PurchaseNotTakenOver("is booked on customer " + received.line().customerOrJob().value()
					+ ", which is no Ledgerflow project's job");
		}
		Optional<Expense> existing = expenses.findByExternalId(externalId);
		if (existing.isPresent() && !existing.get().status().editable()) {
			throw new PurchaseNotTakenOver("changed in accounting, but its expense " + existing.get().id() + " is "
					+ existing.get().status() + " and no longer changes");
		}
		UUID personId = existing.map(Expense::personId).orElseGet(() -> rules.payerOfUnnamed(projectId));
		Expense.Spent spent = rules.resolve(details(purchase, received.line(), personId, projectId));
		if (existing.isPresent()) {
			existing.get().change(spent, clock.instant());
			expenses.saveAndFlush(existing.get());
			return;
		}
		expenses.saveAndFlush(new Expense(spent, ExpenseOrigin.QBO, externalId, clock.instant()));
	}

	// no exchange rate: an amount in another currency than the project's is refused by the rules, as it should be
	private static ExpenseDetails details(ExternalPurchase purchase, ExternalPurchase.Line line, UUID personId,
			UUID projectId) {
		String vendor = purchase.vendor().isBlank() ? "Purchase " + purchase.id().value() : purchase.vendor();
		String description = line.description().isBlank() ? purchase.privateNote() : line.description();
		return new ExpenseDetails(personId, projectId, purchase.date(), CATEGORY, shortened(vendor, 200),
				shortened(description, 2000), line.amount(), purchase.currency(), null, null, line.billable(), null);
	}

	private List<String> removeDrafts(String purchaseId, Set<String> keep, String why) {
		List<String> stayed = new ArrayList<>();
		for (Expense expense : expenses.findByExternalIdStartingWith(purchaseId + ":")) {
			if (keep.contains(expense.externalId())) {
				continue;
			}
			if (expense.origin() != ExpenseOrigin.QBO || expense.status() != ExpenseStatus.DRAFT) {
				stayed.add("line " + expense.externalId().substring(purchaseId.length() + 1) + " " + why
						+ ", but its expense " + expense.id() + " is " + expense.status() + " and stays");
				continue;
			}
			service.delete(expense.id());
			log.info("Expense {} deleted: its purchase line {} is {}", expense.id(), expense.externalId(), why);
		}
		return stayed;
	}

	private static String reason(RuntimeException ex) {
		return ex instanceof InvalidField invalid ? invalid.field() + " " + invalid.reason() : ex.getMessage();
	}

	private static String shortened(String text, int max) {
		String clean = text.strip();
		return clean.length() > max ? clean.substring(0, max) : clean;
	}

}
