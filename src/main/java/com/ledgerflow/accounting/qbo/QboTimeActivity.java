package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.TimeActivityEntry;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code TimeActivity} of an employee, as in {@code qbo-samples/timeactivity-*.json}: {@code NameOf=Employee},
 * {@code CustomerRef} = the job, {@code ItemRef} = the service item, {@code Hours}/{@code Minutes},
 * {@code BillableStatus} {@code Billable}/{@code NotBillable} (QBO sets {@code HasBeenBilled} once invoiced).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboTimeActivity(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("TxnDate") LocalDate txnDate, @JsonProperty("NameOf") String nameOf,
		@JsonProperty("EmployeeRef") QboCustomer.Ref employeeRef,
		@JsonProperty("CustomerRef") QboCustomer.Ref customerRef, @JsonProperty("ItemRef") QboCustomer.Ref itemRef,
		@JsonProperty("BillableStatus") String billableStatus, @JsonProperty("HourlyRate") BigDecimal hourlyRate,
		@JsonProperty("Hours") int hours, @JsonProperty("Minutes") int minutes,
		@JsonProperty("Description") @Nullable String description) implements QboEntity {

	static final String ENTITY = "TimeActivity";

	static QboTimeActivity of(TimeActivityEntry entry) {
		return new QboTimeActivity(null, null, entry.date(), "Employee", QboCustomer.Ref.to(entry.employee().value()),
				QboCustomer.Ref.to(entry.customerOrJob().value()), QboCustomer.Ref.to(entry.serviceItem().value()),
				entry.billable() ? "Billable" : "NotBillable", entry.hourlyRate(), entry.minutes() / 60,
				entry.minutes() % 60, entry.description());
	}

}
