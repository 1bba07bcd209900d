package com.ledgerflow.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;

import com.ledgerflow.shared.InvalidField;

/** The calendar days an invoice bills, both inclusive; work up to {@code end} not billed before is billed. */
public record BillingPeriod(LocalDate start, LocalDate end) {

	public BillingPeriod {
		if (end.isBefore(start)) {
			throw new InvalidField("periodEnd", "must not be before the period start " + start);
		}
	}

	/** The calendar month, first to last day. */
	public static BillingPeriod month(YearMonth month) {
		return new BillingPeriod(month.atDay(1), month.atEndOfMonth());
	}

	/** Whether the period is exactly one calendar month. */
	public boolean isCalendarMonth() {
		return start.getDayOfMonth() == 1 && end.equals(YearMonth.from(start).atEndOfMonth());
	}

	@Override
	public String toString() {
		return start + ".." + end;
	}

}
