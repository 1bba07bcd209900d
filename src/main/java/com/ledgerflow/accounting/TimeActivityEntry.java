package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A time entry to book in accounting (QBO: {@code TimeActivity} of an employee). {@code localId} identifies it: the
 * same entry pushed twice is booked once.
 * @param customerOrJob the project's job (or the client's customer)
 * @param employee from {@link AccountingSystem#upsertEmployee}
 * @param serviceItem from {@link AccountingSystem#upsertServiceItem}
 * @param minutes the duration, at least 1
 * @param hourlyRate the billing rate per hour in the customer's currency, two places
 * @param billable whether the time is to be invoiced
 */
public record TimeActivityEntry(UUID localId, ExternalRef customerOrJob, ExternalRef employee,
		ExternalRef serviceItem, LocalDate date, int minutes, BigDecimal hourlyRate, boolean billable,
		String description) {

	public TimeActivityEntry {
		Objects.requireNonNull(localId, "localId");
		if (minutes < 1) {
			throw new IllegalArgumentException("A time activity lasts at least a minute, not " + minutes);
		}
		hourlyRate = Money.exact(hourlyRate);
	}

}
