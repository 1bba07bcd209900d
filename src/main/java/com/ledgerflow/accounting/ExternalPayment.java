package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment as the accounting system holds it (QBO: {@code Payment}, as in {@code qbo-samples/payment-response.json}),
 * whoever entered it: read by {@link AccountingSystem#readPayment}.
 * @param date the transaction date (QBO {@code TxnDate})
 * @param total what the customer paid in all (QBO {@code TotalAmt}), two places
 * @param currency ISO 4217 code ({@code null}: not stated, the company's home currency)
 * @param reference the payment's reference number (QBO {@code PaymentRefNum}; {@code ""} if none)
 * @param applications the parts applied to invoices (QBO lines with a {@code LinkedTxn} of type {@code Invoice}), in
 * the payment's order; the rest of the total is unapplied (a credit in the accounting system)
 * @param bookedFor the Ledgerflow payment this one was booked for, when its note says Ledgerflow booked it
 * ({@link PaymentEntry#MARKER}); {@code null} for payments entered in the accounting system
 */
public record ExternalPayment(ExternalRef id, LocalDate date, BigDecimal total, @Nullable String currency,
		String reference, List<Application> applications, @Nullable UUID bookedFor) {

	public ExternalPayment {
		applications = List.copyOf(applications);
	}

	/** The part of the payment applied to one invoice in the accounting system. */
	public record Application(ExternalRef invoice, BigDecimal amount) {
	}

}
