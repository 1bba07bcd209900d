package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment recorded in Ledgerflow, to book in accounting once per {@code localId} (the Ledgerflow payment's id)
 * against the posted invoice {@code localInvoiceId}.
 * @param amount what the client paid in all, two places, in the invoice's currency
 * @param appliedAmount the part that pays the invoice (at most {@code amount}); the rest is the client's credit
 * @param date the day it was paid
 * @param reference the client's reference (check number, bank reference), if any
 */
public record PaymentEntry(UUID localId, UUID localInvoiceId, BigDecimal amount, BigDecimal appliedAmount,
		LocalDate date, @Nullable String reference) {

	/** The note a booked payment carries in the accounting system: names it as Ledgerflow's own when it comes back. */
	public static final String MARKER = "Ledgerflow payment ";

	public PaymentEntry {
		if (appliedAmount.compareTo(amount) > 0 || appliedAmount.signum() < 0) {
			throw new IllegalArgumentException("applied " + appliedAmount + " does not fit the payment " + amount);
		}
	}

}
