package com.ledgerflow.expense;

import java.util.List;

import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.ReceivedPurchases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Purchases entered in the accounting system (QBO expenses, checks, card charges) on a Ledgerflow project's job become
 * draft expenses: created and updated ones are taken over, deleted ones remove their drafts. Idempotent (one expense
 * per purchase line). What cannot be taken over is logged and listed on the sync page, never dropped silently;
 * technical failures (accounting unreachable) throw, so the event publication registry retries the change.
 */
@Component
class PurchaseChanges {

	private static final Logger log = LoggerFactory.getLogger(PurchaseChanges.class);

	private final ReceivedPurchases received;

	private final ReceivedExpenses expenses;

	PurchaseChanges(ReceivedPurchases received, ReceivedExpenses expenses) {
		this.received = received;
		this.expenses = expenses;
	}

	@ApplicationModuleListener
	void on(AccountingChangeReceived change) {
		if (!AccountingChange.PURCHASE.equals(change.entity())) {
			return;
		}
		String purchaseId = change.externalId();
		List<String> refused;
		switch (change.operation()) {
			case "Create", "Update" -> refused = expenses.takeOver(purchaseId);
			case "Delete" -> refused = expenses.remove(purchaseId);
			default -> {
				return;
			}
		}
		if (refused.isEmpty()) {
			received.matched(purchaseId);
			return;
		}
		String reason = String.join("; ", refused);
		log.warn("Purchase {} ({}) from accounting not taken over: {}", purchaseId, change.operation(), reason);
		received.unmatched(purchaseId, reason);
	}

}
