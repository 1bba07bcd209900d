package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.PaymentEntry;
import org.jspecify.annotations.Nullable;

/**
 * The body of a QBO {@code Payment} for money a client paid, recorded in Ledgerflow: {@code TotalAmt} is all of it,
 * one line applies the part that pays the invoice ({@code LinkedTxn} of type {@code Invoice}), and QuickBooks keeps
 * the rest as the customer's {@code UnappliedAmt} (as in {@code qbo-samples/payment-response.json}). Read back as a
 * {@link QboPayment}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboCustomerPayment(@JsonProperty("CustomerRef") QboCustomer.Ref customerRef,
		@JsonProperty("TxnDate") LocalDate txnDate, @JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("TotalAmt") BigDecimal totalAmt, @JsonProperty("PaymentRefNum") @Nullable String paymentRefNum,
		@JsonProperty("PrivateNote") String privateNote,
		@JsonProperty("Line") List<QboCreditApplication.Line> lines) {

	/** QBO takes at most 21 characters of {@code PaymentRefNum}; the whole reference goes in the note too. */
	static final int MAX_REFERENCE_LENGTH = 21;

	/**
	 * The payment for the invoice's customer (its job), applying {@code applied} to it; no line when nothing of it
	 * is applied.
	 */
	static QboCustomerPayment of(PaymentEntry payment, QboInvoice invoice, BigDecimal applied) {
		String reference = payment.reference();
		String note = PaymentEntry.MARKER + payment.localId() + (reference == null ? "" : ", reference " + reference);
		List<QboCreditApplication.Line> lines = applied.signum() == 0 ? List.of()
				: List.of(new QboCreditApplication.Line(applied,
						List.of(new QboCreditApplication.LinkedTxn(invoice.id(), QboInvoice.ENTITY))));
		return new QboCustomerPayment(Objects.requireNonNull(invoice.customerRef()), payment.date(),
				invoice.currencyRef(), payment.amount(), reference == null ? null
						: reference.substring(0, Math.min(reference.length(), MAX_REFERENCE_LENGTH)),
				note, lines);
	}

}
