package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** QBO's {@code Payment} as read back (qbo-samples/payment-response.json): what a customer paid, and for what. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QboPayment(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt,
		@JsonProperty("CurrencyRef") @Nullable CurrencyRef currencyRef,
		@JsonProperty("Line") @Nullable List<Line> line) implements QboEntity {

	static final String ENTITY = "Payment";

	/** The first transaction the payment is applied to, e.g. {@code Invoice 130}. */
	Optional<LinkedTxn> firstLinkedTxn() {
		return line == null ? Optional.empty()
				: line.stream()
			.flatMap(l -> l.linkedTxn() == null ? Stream.empty() : l.linkedTxn().stream())
			.findFirst();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CurrencyRef(@JsonProperty("value") @Nullable String value) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(@JsonProperty("Amount") @Nullable BigDecimal amount,
			@JsonProperty("LinkedTxn") @Nullable List<LinkedTxn> linkedTxn) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LinkedTxn(@JsonProperty("TxnId") String txnId, @JsonProperty("TxnType") String txnType) {
	}

}
