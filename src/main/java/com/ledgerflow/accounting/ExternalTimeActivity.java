package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A time activity as the accounting system holds it (QBO: {@code TimeActivity}), whoever entered it: read by
 * {@link AccountingSystem#readTimeActivity}.
 * @param customerOrJob the customer or job it is booked on ({@code null}: none)
 * @param employee the employee who worked ({@code null}: booked for a vendor, not an employee)
 * @param employeeName that employee's display name as the accounting system shows it ({@code ""} if unknown)
 * @param minutes the duration (QBO: {@code Hours}/{@code Minutes}, or {@code StartTime}–{@code EndTime} less the
 * break); may be 0 in what someone typed
 * @param start the wall-clock start when it was entered as a span, else {@code null}
 * @param end the wall-clock end when it was entered as a span, else {@code null}
 * @param billable billable, or billed already (QBO {@code BillableStatus} {@code Billable}/{@code HasBeenBilled})
 * @param hourlyRate the rate per hour, if the system holds one
 */
public record ExternalTimeActivity(ExternalRef id, @Nullable ExternalRef customerOrJob, @Nullable ExternalRef employee,
		String employeeName, LocalDate date, int minutes, @Nullable LocalTime start, @Nullable LocalTime end,
		String description, boolean billable, @Nullable BigDecimal hourlyRate) {

}
