package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ledgerflow.accounting.BillableExpenseEntry;
import org.jspecify.annotations.Nullable;

/**
 * QBO's {@code Purchase} (an expense paid from a bank or card account) with one {@code AccountBasedExpenseLineDetail}
 * line on the job, as the billable line of {@code qbo-samples/bill-billable-expense-response.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record QboPurchase(@JsonProperty("Id") @Nullable String id, @JsonProperty("SyncToken") @Nullable String syncToken,
		@JsonProperty("PaymentType") String paymentType, @JsonProperty("AccountRef") QboCustomer.Ref accountRef,
		@JsonProperty("EntityRef") @Nullable EntityRef entityRef, @JsonProperty("TxnDate") LocalDate txnDate,
		@JsonProperty("CurrencyRef") QboCustomer.@Nullable Ref currencyRef,
		@JsonProperty("TotalAmt") @Nullable BigDecimal totalAmt, @JsonProperty("Line") List<Line> lines)
		implements QboEntity {

	static final String ENTITY = "Purchase";

	static QboPurchase of(BillableExpenseEntry entry) {
		Line line = new Line(entry.amount(), "AccountBasedExpenseLineDetail", entry.description(),
				new AccountBasedExpenseLineDetail(QboCustomer.Ref.to(entry.expenseAccountRef()),
						QboCustomer.Ref.to(entry.job().value()), entry.billable() ? "Billable" : "NotBillable"));
		return new QboPurchase(null, null, "Cash", QboCustomer.Ref.to(entry.paymentAccountRef()),
				new EntityRef(entry.vendor().value(), "Vendor"), entry.date(), QboCustomer.Ref.to(entry.currency()),
				null, List.of(line));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(@JsonProperty("Amount") BigDecimal amount, @JsonProperty("DetailType") String detailType,
			@JsonProperty("Description") @Nullable String description,
			@JsonProperty("AccountBasedExpenseLineDetail") @Nullable AccountBasedExpenseLineDetail detail) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountBasedExpenseLineDetail(@JsonProperty("AccountRef") QboCustomer.Ref accountRef,
			@JsonProperty("CustomerRef") QboCustomer.@Nullable Ref customerRef,
			@JsonProperty("BillableStatus") @Nullable String billableStatus) {
	}

	/** Who was paid: {@code {"value": "46", "type": "Vendor"}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record EntityRef(@JsonProperty("value") String value, @JsonProperty("type") @Nullable String type) {
	}

}
