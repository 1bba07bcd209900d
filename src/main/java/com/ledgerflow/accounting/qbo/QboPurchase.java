package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ExternalRef;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code Purchase} (an expense paid from a bank or card account). Ledgerflow pushes one
 * {@code AccountBasedExpenseLineDetail} line on the job, as the billable line of
 * {@code qbo-samples/bill-billable-expense-response.json}; entered in QuickBooks it may hold many lines, account or
 * item based, each on a customer or job or on none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboPurchase(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("PaymentType") String paymentType, @JsonProperty("AccountRef") QboCustomer.Ref accountRef,
		@JsonProperty("EntityRef") @Nullable EntityRef entityRef, @JsonProperty("TxnDate") LocalDate txnDate,
		@JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt,
		@JsonProperty("PrivateNote") @Nullable String privateNote, @JsonProperty("Line") List<Line> lines)
		implements QboEntity {

	static final String ENTITY = "Purchase";

	static QboPurchase of(BillableExpenseEntry entry) {
		Line line = new Line(null, entry.amount(), "AccountBasedExpenseLineDetail", entry.description(),
				new AccountBasedExpenseLineDetail(QboCustomer.Ref.to(entry.expenseAccountRef()),
						QboCustomer.Ref.to(entry.job().value()), entry.billable() ? "Billable" : "NotBillable"),
				null);
		return new QboPurchase(null, null, "Cash", QboCustomer.Ref.to(entry.paymentAccountRef()),
				new EntityRef(entry.vendor().value(), null, "Vendor"), entry.date(),
				QboCustomer.Ref.to(entry.currency()), null, null, List.of(line));
	}

	/** In the port's terms: only the lines on a customer or job; a line without an Id is numbered by position. */
	ExternalPurchase toExternal() {
		List<ExternalPurchase.Line> onJobs = new ArrayList<>();
		List<Line> all = lines == null ? List.of() : lines;
		for (int i = 0; i < all.size(); i++) {
			Line line = all.get(i);
			QboCustomer.Ref customer = line.customerRef();
			if (customer != null && line.amount() != null) {
				String lineId = line.id() == null || line.id().isBlank() ? Integer.toString(i + 1) : line.id();
				onJobs.add(new ExternalPurchase.Line(lineId, new ExternalRef(customer.value()), line.amount(),
						line.billable(), line.description() == null ? "" : line.description().strip()));
			}
		}
		String vendor = entityRef == null || entityRef.name() == null ? "" : entityRef.name().strip();
		return new ExternalPurchase(new ExternalRef(String.valueOf(id)), txnDate, vendor,
				currencyRef == null ? null : currencyRef.value(), privateNote == null ? "" : privateNote.strip(),
				onJobs);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(@JsonProperty("Id") @Nullable String id, @JsonProperty("Amount") @Nullable BigDecimal amount,
			@JsonProperty("DetailType") String detailType, @JsonProperty("Description") @Nullable String description,
			@JsonProperty("AccountBasedExpenseLineDetail") @Nullable AccountBasedExpenseLineDetail detail,
			@JsonProperty("ItemBasedExpenseLineDetail") @Nullable ItemBasedExpenseLineDetail itemDetail) {

		QboCustomer.@Nullable Ref customerRef() {
			if (detail != null) {
				return detail.customerRef();
			}
			return itemDetail == null ? null : itemDetail.customerRef();
		}

		// HasBeenBilled: billed already, so it was billable
		boolean billable() {
			String status = detail != null ? detail.billableStatus()
					: itemDetail == null ? null : itemDetail.billableStatus();
			return "Billable".equals(status) || "HasBeenBilled".equals(status);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountBasedExpenseLineDetail(@JsonProperty("AccountRef") QboCustomer.Ref accountRef,
			@JsonProperty("CustomerRef") QboCustomer.@Nullable Ref customerRef,
			@JsonProperty("BillableStatus") @Nullable String billableStatus) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ItemBasedExpenseLineDetail(@JsonProperty("ItemRef") QboCustomer.@Nullable Ref itemRef,
			@JsonProperty("CustomerRef") QboCustomer.@Nullable Ref customerRef,
			@JsonProperty("BillableStatus") @Nullable String billableStatus) {
	}

	/** Who was paid: {@code {"value": "46", "name": "Norton Lumber", "type": "Vendor"}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record EntityRef(@JsonProperty("value") String value, @JsonProperty("name") @Nullable String name,
			@JsonProperty("type") @Nullable String type) {
	}

}
