package com.ledgerflow.invoicing;

import java.time.LocalDate;

import com.ledgerflow.shared.InvalidField;

/** The calendar days an invoice bills, both inclusive; work up to {@code end} not billed before is billed. */
public record BillingPeriod(LocalDate start, LocalDate end) {

	public BillingPeriod {
		if (end.isBefore(start)) {
			throw new InvalidField("periodEnd", "must not be before the period start " + start);
		}
	}

	@Override
	public String toString() {
		return start + ".." + end;
	}

}
