package com.ledgerflow.accounting.qbo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The fields of QBO's {@code Customer} Ledgerflow writes: a client, or a project as a sub-customer job
 * ({@code Job=true}, {@code ParentRef} = the client). Absent fields are left out, so a {@code sparse} update changes
 * only what it names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboCustomer(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("sparse") @Nullable Boolean sparse, @JsonProperty("DisplayName") @Nullable String displayName,
		@JsonProperty("PrimaryEmailAddr") @Nullable EmailAddress primaryEmailAddr,
		@JsonProperty("BillAddr") @Nullable PhysicalAddress billAddr,
		@JsonProperty("CurrencyRef") @Nullable Ref currencyRef, @JsonProperty("Job") @Nullable Boolean job,
		@JsonProperty("ParentRef") @Nullable Ref parentRef,
		@JsonProperty("BillWithParent") @Nullable Boolean billWithParent,
		@JsonProperty("Active") @Nullable Boolean active) implements QboEntity {

	static final String ENTITY = "Customer";

	/** The start of a sparse update of {@code current}: its id and sync token, nothing else. */
	static QboCustomer sparseUpdateOf(QboCustomer current) {
		return new QboCustomer(current.id(), current.syncToken(), true, null, null, null, null, null, null, null,
				null);
	}

	QboCustomer withDisplayName(@Nullable String displayName) {
		return new QboCustomer(id, syncToken, sparse, displayName, primaryEmailAddr, billAddr, currencyRef, job,
				parentRef, billWithParent, active);
	}

	QboCustomer withContact(@Nullable EmailAddress email, @Nullable PhysicalAddress address) {
		return new QboCustomer(id, syncToken, sparse, displayName, email, address, currencyRef, job, parentRef,
				billWithParent, active);
	}

	QboCustomer withActive(boolean active) {
		return new QboCustomer(id, syncToken, sparse, displayName, primaryEmailAddr, billAddr, currencyRef, job,
				parentRef, billWithParent, active);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EmailAddress(@JsonProperty("Address") String address) {
	}

	/** QBO's address; {@code CountrySubDivisionCode} is the state or region. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PhysicalAddress(@JsonProperty("Line1") @Nullable String line1,
			@JsonProperty("Line2") @Nullable String line2, @JsonProperty("City") @Nullable String city,
			@JsonProperty("PostalCode") @Nullable String postalCode,
			@JsonProperty("CountrySubDivisionCode") @Nullable String countrySubDivisionCode,
			@JsonProperty("Country") @Nullable String country) {
	}

	/** A reference to another entity, e.g. {@code {"value": "192"}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Ref(@JsonProperty("value") String value, @JsonProperty("name") @Nullable String name) {

		static Ref to(String value) {
			return new Ref(value, null);
		}

	}

}
