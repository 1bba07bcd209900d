package com.ledgerflow.accounting.qbo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** QBO's {@code Employee}: who a {@code TimeActivity} is booked for ({@code NameOf=Employee}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboEmployee(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("GivenName") @Nullable String givenName,
		@JsonProperty("FamilyName") @Nullable String familyName,
		@JsonProperty("DisplayName") @Nullable String displayName,
		@JsonProperty("PrimaryEmailAddr") QboCustomer.@Nullable EmailAddress primaryEmailAddr) implements QboEntity {

	static final String ENTITY = "Employee";

}
