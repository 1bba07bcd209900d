package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a client's credit ledger ({@code client_credit}): positive when the client paid more than an invoice
 * owed.
 * @param paymentId the payment it came from ({@code null} for entries not made from a payment)
 * @param invoiceId that payment's invoice
 */
public record ClientCreditEntry(UUID id, UUID clientId, String currency, BigDecimal amount,
		@Nullable UUID paymentId, @Nullable UUID invoiceId, String description, Instant createdAt) {
}
