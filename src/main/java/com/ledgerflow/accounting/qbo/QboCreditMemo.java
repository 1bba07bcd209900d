package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.InvoiceWriteOff;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code CreditMemo}: a write-off is one {@code SalesItemLineDetail} line on the bad-debt item for the invoice's
 * customer or job, its reason as {@code PrivateNote}; QuickBooks computes {@code TotalAmt} and {@code Balance} (the
 * credit not applied yet).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboCreditMemo(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("CustomerRef") QboCustomer.Ref customerRef, @JsonProperty("TxnDate") LocalDate txnDate,
		@JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("Line") List<QboInvoice.Line> lines, @JsonProperty("PrivateNote") @Nullable String privateNote,
		@JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt, @JsonProperty("Balance") @Nullable BigDecimal balance)
		implements QboEntity {

	static final String ENTITY = "CreditMemo";

	// QBO keeps at most 4,000 characters of a private note
	private static final int MAX_NOTE = 4000;

	static QboCreditMemo writeOff(InvoiceWriteOff writeOff, QboInvoice invoice) {
		String note = writeOff.reason().length() > MAX_NOTE ? writeOff.reason().substring(0, MAX_NOTE)
				: writeOff.reason();
		QboInvoice.Line line = new QboInvoice.Line("Bad debt written off invoice " + invoice.docNumber(),
				QboInvoice.SALES_ITEM_LINE, writeOff.amount(),
				new QboInvoice.SalesItemLineDetail(QboCustomer.Ref.to(writeOff.badDebtItem().value()), BigDecimal.ONE,
						writeOff.amount(), QboCustomer.Ref.to("NON")));
		return new QboCreditMemo(null, null, java.util.Objects.requireNonNull(invoice.customerRef()),
				writeOff.date(), invoice.currencyRef(), List.of(line), note, null, null);
	}

}
