package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** What the firm owes a client in one currency: the sum of its credit entries (overpayments so far). */
public record ClientCredit(UUID clientId, String currency, BigDecimal amount) {
}
