package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as the accounting system booked it.
 * @param paymentLink where the client pays online (QBO's {@code InvoiceLink}; local: the invoice's page); {@code null}
 * when the system offers none (QBO without online payments enabled)
 */
public record PostedInvoice(ExternalRef id, String docNumber, BigDecimal total, BigDecimal balance,
		@Nullable URI paymentLink) {
}
