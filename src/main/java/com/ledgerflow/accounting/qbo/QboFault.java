package com.ledgerflow.accounting.qbo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** QBO's error body: {@code {"Fault":{"Error":[{"Message","Detail","code"}],"type"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QboFault(@JsonProperty("Error") @Nullable List<Error> errors, @JsonProperty("type") @Nullable String type) {

	static final String STALE_OBJECT = "5010";

	Error first() {
		return errors == null || errors.isEmpty() ? new Error(type == null ? "Fault" : type, "", "") : errors.get(0);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(@JsonProperty("Message") @Nullable String message, @JsonProperty("Detail") @Nullable String detail,
			@JsonProperty("code") @Nullable String code) {
	}

}
