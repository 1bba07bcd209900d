package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as the accounting system holds it now: what is still owed, and whether it was voided (a voided invoice
 * owes nothing). {@code paymentLink} as in {@link PostedInvoice}.
 */
public record InvoiceStatus(ExternalRef id, String docNumber, BigDecimal total, BigDecimal balance, boolean voided,
		@Nullable URI paymentLink) {

	public boolean paid() {
		return !voided && balance.signum() == 0;
	}

	/** What accounting still holds open on the invoice: nothing once voided, else its balance. */
	public BigDecimal open() {
		return voided ? BigDecimal.ZERO : balance;
	}

}
