package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.Money;
import com.ledgerflow.accounting.PaymentEntry;
import org.jspecify.annotations.Nullable;

/** QBO's {@code Payment} as read back (qbo-samples/payment-response.json): what a customer paid, and for what. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QboPayment(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("TxnDate") @Nullable LocalDate txnDate, @JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt,
		@JsonProperty("PaymentRefNum") @Nullable String paymentRefNum,
		@JsonProperty("CurrencyRef") @Nullable CurrencyRef currencyRef,
		@JsonProperty("PrivateNote") @Nullable String privateNote,
		@JsonProperty("Line") @Nullable List<Line> line) implements QboEntity {

	static final String ENTITY = "Payment";

	private static final String INVOICE = "Invoice";

	private static final int UUID_LENGTH = 36;

	/** The first transaction the payment is applied to, e.g. {@code Invoice 130}. */
	Optional<LinkedTxn> firstLinkedTxn() {
		return line == null ? Optional.empty()
				: line.stream()
			.flatMap(l -> l.linkedTxn() == null ? Stream.empty() : l.linkedTxn().stream())
			.findFirst();
	}

	/**
	 * As accounting reads payments: one application per line linked to an invoice (a line names one transaction; a
	 * line linked to something else, e.g. a credit memo, is left out). A payment of 0 only applies credits to invoices
	 * (a credit memo, e.g. a write-off's): no money came in, so it pays no invoice. A payment without a date is dated
	 * today.
	 */
	ExternalPayment toExternal() {
		boolean noMoney = totalAmt != null && totalAmt.signum() == 0;
		List<ExternalPayment.Application> applications = (line == null || noMoney ? List.<Line>of() : line).stream()
			.filter(l -> l.amount() != null && l.linkedTxn() != null)
			.flatMap(l -> l.linkedTxn()
				.stream()
				.filter(txn -> INVOICE.equals(txn.txnType()))
				.limit(1)
				.map(txn -> new ExternalPayment.Application(new ExternalRef(txn.txnId()), Money.exact(l.amount()))))
			.toList();
		return new ExternalPayment(new ExternalRef(String.valueOf(id)), txnDate == null ? LocalDate.now() : txnDate,
				Money.exact(totalAmt == null ? BigDecimal.ZERO : totalAmt),
				currencyRef == null ? null : currencyRef.value(), paymentRefNum == null ? "" : paymentRefNum.strip(),
				applications, bookedFor());
	}

	/** The Ledgerflow payment named by the note Ledgerflow writes on the payments it books, if this is one. */
	private @Nullable UUID bookedFor() {
		if (privateNote == null || !privateNote.startsWith(PaymentEntry.MARKER)) {
			return null;
		}
		String rest = privateNote.substring(PaymentEntry.MARKER.length());
		try {
			return UUID.fromString(rest.length() > UUID_LENGTH ? rest.substring(0, UUID_LENGTH) : rest);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
