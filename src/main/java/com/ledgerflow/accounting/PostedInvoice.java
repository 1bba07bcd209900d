package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as the accounting system booked it.
 * @param paymentLink where the client pays online (QBO's {@code InvoiceLink}); {@code null}
 * when the system offers none (QBO without online payments enabled, the local ledger)
 */
public record PostedInvoice(ExternalRef id, String docNumber, BigDecimal total, BigDecimal balance,
		@Nullable URI paymentLink) {

	/** The invoice as read back from the system. */
	public static PostedInvoice of(InvoiceStatus status) {
		return new PostedInvoice(status.id(), status.docNumber(), status.total(), status.balance(),
				status.paymentLink());
	}

}
