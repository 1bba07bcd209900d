package com.ledgerflow.expense;

/**
 * A line of a purchase entered in the accounting system that cannot become a Ledgerflow expense as it is (its job is
 * no Ledgerflow project's, or the expense it changes is locked); the sync page lists it with this message.
 */
class PurchaseNotTakenOver extends RuntimeException {

	PurchaseNotTakenOver(String message) {
		super(message);
	}

}
