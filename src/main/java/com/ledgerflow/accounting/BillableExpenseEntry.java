package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expense paid for a project (QBO: a {@code Purchase} with one {@code AccountBasedExpenseLineDetail} line whose
 * {@code CustomerRef} is the job). {@code localId} identifies it: the same expense pushed twice is booked once.
 * @param amount positive, two places, in {@code currency} (ISO 4217)
 * @param vendor from {@link AccountingSystem#upsertVendor}
 * @param expenseAccountRef the expense account of the line (QBO {@code AccountRef} of the line detail)
 * @param paymentAccountRef the bank or credit card account it was paid from (QBO {@code Purchase.AccountRef})
 * @param billable whether it is to be re-invoiced to the client (QBO {@code BillableStatus} Billable/NotBillable)
 */
public record BillableExpenseEntry(UUID localId, ExternalRef job, LocalDate date, BigDecimal amount, String currency,
		ExternalRef vendor, String expenseAccountRef, String paymentAccountRef, boolean billable,
		String description) {

	public BillableExpenseEntry {
		amount = Money.exact(amount);
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("An expense is positive, not " + amount);
		}
	}

}
