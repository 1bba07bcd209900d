package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.ExternalTimeActivity;
import com.ledgerflow.accounting.TimeActivityEntry;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code TimeActivity} of an employee, as in {@code qbo-samples/timeactivity-*.json}: {@code NameOf=Employee},
 * {@code CustomerRef} = the job, {@code ItemRef} = the service item, {@code Hours}/{@code Minutes},
 * {@code BillableStatus} {@code Billable}/{@code NotBillable} (QBO sets {@code HasBeenBilled} once invoiced). Entered
 * in QuickBooks (or QuickBooks Time) it may carry {@code StartTime}/{@code EndTime} and a break instead of hours.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboTimeActivity(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("TxnDate") LocalDate txnDate, @JsonProperty("NameOf") String nameOf,
		@JsonProperty("EmployeeRef") QboCustomer.@Nullable Ref employeeRef,
		@JsonProperty("CustomerRef") QboCustomer.@Nullable Ref customerRef,
		@JsonProperty("ItemRef") QboCustomer.@Nullable Ref itemRef,
		@JsonProperty("BillableStatus") @Nullable String billableStatus,
		@JsonProperty("HourlyRate") @Nullable BigDecimal hourlyRate, @JsonProperty("Hours") int hours,
		@JsonProperty("Minutes") int minutes, @JsonProperty("Description") @Nullable String description,
		// kept as QBO's text: its local time of day is what was worked, whatever the offset
		@JsonProperty("StartTime") @Nullable String startTime, @JsonProperty("EndTime") @Nullable String endTime,
		@JsonProperty("BreakHours") @Nullable Integer breakHours,
		@JsonProperty("BreakMinutes") @Nullable Integer breakMinutes)
		implements QboEntity {

	static final String ENTITY = "TimeActivity";

	static QboTimeActivity of(TimeActivityEntry entry) {
		return new QboTimeActivity(null, null, entry.date(), "Employee", QboCustomer.Ref.to(entry.employee().value()),
				QboCustomer.Ref.to(entry.customerOrJob().value()), QboCustomer.Ref.to(entry.serviceItem().value()),
				entry.billable() ? "Billable" : "NotBillable", entry.hourlyRate(), entry.minutes() / 60,
				entry.minutes() % 60, entry.description(), null, null, null, null);
	}

	/** In the port's terms; a time activity of a vendor ({@code NameOf=Vendor}) has no employee. */
	ExternalTimeActivity toExternal() {
		LocalDateTime start = dateTime(startTime);
		LocalDateTime end = dateTime(endTime);
		int worked = hours * 60 + minutes;
		boolean span = start != null && end != null && end.isAfter(start)
				&& start.toLocalDate().equals(end.toLocalDate());
		if (worked == 0 && span) {
			worked = (int) Duration.between(start, end).toMinutes() - minutes(breakHours, breakMinutes);
		}
		boolean employee = "Employee".equals(nameOf) && employeeRef != null;
		return new ExternalTimeActivity(new ExternalRef(String.valueOf(id)),
				customerRef == null ? null : new ExternalRef(customerRef.value()),
				employee ? new ExternalRef(employeeRef.value()) : null,
				employee && employeeRef.name() != null ? employeeRef.name() : "", txnDate, worked,
				span ? time(start) : null, span ? time(end) : null, description == null ? "" : description,
				!"NotBillable".equals(billableStatus), hourlyRate);
	}

	private static int minutes(@Nullable Integer hours, @Nullable Integer minutes) {
		return (hours == null ? 0 : hours * 60) + (minutes == null ? 0 : minutes);
	}

	private static @Nullable LocalTime time(@Nullable LocalDateTime at) {
		return at == null ? null : at.toLocalTime();
	}

	private static @Nullable LocalDateTime dateTime(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toLocalDateTime();
		}
		catch (DateTimeParseException withoutOffset) {
			return LocalDateTime.parse(text);
		}
	}

}
