package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice's open balance written off as bad debt, booked once per {@code localId} (the Ledgerflow invoice's id):
 * {@code amount} (two places, positive) on {@code badDebtItem} (a service item booking to the bad-debt account) against
 * the posted {@code invoice}, dated {@code date}, with {@code reason} as the memo.
 */
public record InvoiceWriteOff(UUID localId, ExternalRef invoice, ExternalRef badDebtItem, BigDecimal amount,
		LocalDate date, String reason) {
}
