package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment to record against an invoice.
 * @param amount positive, at most two places, in the invoice's currency
 * @param currency ISO 4217 code; must be the invoice's ({@code null}: the invoice's)
 * @param date the day it was paid ({@code null}: today in the company time zone); not in the future
 * @param externalId the payment's id in the accounting system, for {@link PaymentOrigin#QBO} (recorded once per id
 * and invoice)
 * @param recordedBy the login of whoever recorded it ({@code qbo} for the change feed)
 */
public record NewPayment(UUID invoiceId, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable LocalDate date, @Nullable PaymentMethod method, @Nullable String reference, PaymentOrigin origin,
		@Nullable String externalId, String recordedBy) {
}
