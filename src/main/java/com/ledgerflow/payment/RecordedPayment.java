package com.ledgerflow.payment;

import java.math.BigDecimal;

/**
 * The outcome of recording a payment.
 * @param openBalance what the invoice owes after it
 * @param created false when the payment was recorded before (a QuickBooks payment delivered again): nothing changed
 */
public record RecordedPayment(Payment payment, BigDecimal openBalance, boolean paidInFull, boolean created) {
}
