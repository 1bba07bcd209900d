package com.ledgerflow.accounting;

import java.time.Instant;

/**
 * A record that changed in the accounting system.
 * @param entity {@code Payment}, {@code Invoice}, {@code TimeActivity} or {@code Purchase} (QBO's entity names, which
 * the local ledger uses too)
 * @param operation {@code Create}, {@code Update}, {@code Void} or {@code Delete}
 */
public record AccountingChange(String entity, ExternalRef id, String operation, Instant updatedAt) {

	public static final String PAYMENT = "Payment";

	public static final String INVOICE = "Invoice";

	public static final String TIME_ACTIVITY = "TimeActivity";

	public static final String PURCHASE = "Purchase";

}
