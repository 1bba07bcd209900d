package com.ledgerflow.accounting.qbo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** QBO's {@code Item} of type {@code Service}: what time and invoice lines are sold as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboItem(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("Name") String name, @JsonProperty("Type") @Nullable String type,
		@JsonProperty("IncomeAccountRef") QboCustomer.@Nullable Ref incomeAccountRef) implements QboEntity {

	static final String ENTITY = "Item";

	static QboItem service(String name, String incomeAccountRef) {
		return new QboItem(null, null, name, "Service", QboCustomer.Ref.to(incomeAccountRef));
	}

}
