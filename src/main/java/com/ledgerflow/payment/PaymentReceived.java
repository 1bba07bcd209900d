package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A payment was recorded against an invoice (published in the recording transaction; listeners annotated
 * {@code @ApplicationModuleListener} get it after the commit, from the event publication registry, retried after a
 * crash). Published once per payment; a repeated delivery of a QuickBooks payment publishes nothing.
 * @param amount what was paid, in the invoice's currency (an overpayment included)
 * @param openBalance what the invoice still owes after it, never below zero
 * @param paidInFull whether the open balance is now zero (the invoice is then PAID)
 */
public record PaymentReceived(UUID invoiceId, UUID paymentId, BigDecimal amount, BigDecimal openBalance,
		boolean paidInFull) {
}
