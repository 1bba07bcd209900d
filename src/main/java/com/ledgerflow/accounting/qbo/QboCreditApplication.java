package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of a QBO {@code Payment} that brings no money ({@code TotalAmt} 0) and applies a credit memo to an invoice:
 * one line per linked transaction, the same amount on both, so the invoice's {@code Balance} drops by it and the
 * credit is used up. Read back as a {@link QboPayment}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboCreditApplication(@JsonProperty("Id") @Nullable String id,
		@JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("CustomerRef") QboCustomer.Ref customerRef, @JsonProperty("TxnDate") LocalDate txnDate,
		@JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("TotalAmt") BigDecimal totalAmt, @JsonProperty("PrivateNote") @Nullable String privateNote,
		@JsonProperty("Line") List<Line> lines) implements QboEntity {

	static QboCreditApplication of(QboInvoice invoice, QboCreditMemo memo, BigDecimal amount, LocalDate date) {
		return new QboCreditApplication(null, null, java.util.Objects.requireNonNull(invoice.customerRef()), date,
				invoice.currencyRef(), BigDecimal.ZERO, "Write-off of invoice " + invoice.docNumber(),
				List.of(new Line(amount, List.of(new LinkedTxn(invoice.id(), QboInvoice.ENTITY))),
						new Line(amount, List.of(new LinkedTxn(memo.id(), QboCreditMemo.ENTITY)))));
	}

	record Line(@JsonProperty("Amount") BigDecimal amount, @JsonProperty("LinkedTxn") List<LinkedTxn> linkedTxn) {
	}

	record LinkedTxn(@JsonProperty("TxnId") @Nullable String txnId, @JsonProperty("TxnType") String txnType) {
	}

}
