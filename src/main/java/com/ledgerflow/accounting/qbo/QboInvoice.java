package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.InvoiceDraft;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code Invoice} with {@code SalesItemLineDetail} lines, as in {@code qbo-samples/invoice-response.json}.
 * {@code InvoiceLink} (the online payment link) is answered with {@code include=invoiceLink}. A voided invoice has
 * {@code TotalAmt} and {@code Balance} 0 and {@code PrivateNote} {@code Voided}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboInvoice(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("sparse") @Nullable Boolean sparse, @JsonProperty("DocNumber") @Nullable String docNumber,
		@JsonProperty("CustomerRef") QboCustomer.@Nullable Ref customerRef,
		@JsonProperty("TxnDate") @Nullable LocalDate txnDate, @JsonProperty("DueDate") @Nullable LocalDate dueDate,
		@JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("Line") @Nullable List<Line> lines, @JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt,
		@JsonProperty("Balance") @Nullable BigDecimal balance,
		@JsonProperty("PrivateNote") @Nullable String privateNote,
		@JsonProperty("InvoiceLink") @Nullable String invoiceLink,
		@JsonProperty("TxnTaxDetail") @Nullable TxnTaxDetail txnTaxDetail) implements QboEntity {

	static final String ENTITY = "Invoice";

	static final String SALES_ITEM_LINE = "SalesItemLineDetail";

	static final String VOIDED = "Voided";

	static QboInvoice of(InvoiceDraft draft) {
		List<Line> lines = draft.lines()
			.stream()
			.map(line -> new Line(line.description(), SALES_ITEM_LINE, line.amount(),
					new SalesItemLineDetail(QboCustomer.Ref.to(line.serviceItem().value()), line.quantity(),
							line.unitPrice(), QboCustomer.Ref.to(line.taxable() ? "TAX" : "NON"))))
			.toList();
		return new QboInvoice(null, null, null, draft.docNumber(), QboCustomer.Ref.to(draft.customerOrJob().value()),
				draft.issueDate(), draft.dueDate(), QboCustomer.Ref.to(draft.currency()), lines, null, null, null,
				null, draft.tax().signum() == 0 ? null : new TxnTaxDetail(draft.tax()));
	}

	/** The body of {@code POST /invoice?operation=void}: the id and the sync token QBO must still have. */
	static QboInvoice voidOf(QboInvoice current) {
		return new QboInvoice(current.id(), current.syncToken(), true, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	boolean voided() {
		return VOIDED.equals(privateNote);
	}

	/**
	 * The sales tax Ledgerflow computed ({@code TotalTax}): QuickBooks takes it over instead of computing its own, so
	 * its total and balance are those on the invoice the client got.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TxnTaxDetail(@JsonProperty("TotalTax") BigDecimal totalTax) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(@JsonProperty("Description") @Nullable String description,
			@JsonProperty("DetailType") String detailType, @JsonProperty("Amount") BigDecimal amount,
			@JsonProperty("SalesItemLineDetail") @Nullable SalesItemLineDetail detail) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SalesItemLineDetail(@JsonProperty("ItemRef") QboCustomer.Ref itemRef,
			@JsonProperty("Qty") BigDecimal qty, @JsonProperty("UnitPrice") BigDecimal unitPrice,
			@JsonProperty("TaxCodeRef") QboCustomer.@Nullable Ref taxCodeRef) {
	}

}
