package com.ledgerflow.expense;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Expense settings ({@code ledgerflow.expenses.*}).
 * @param mileageRate price per distance unit of a mileage expense, in the project's currency
 * @param mileageUnit the distance unit ({@code mi} or {@code km}), shown on pages and in descriptions
 * @param maxReceiptSize the largest receipt accepted (413 above it)
 * @param expenseAccount the accounting system's expense account (QBO {@code Account} id) expenses book to
 * @param paymentAccount the bank or card account (QBO {@code Account} id) expenses are paid from
 */
@Validated
@ConfigurationProperties("ledgerflow.expenses")
public record ExpenseProperties(@NotNull @DecimalMin("0") BigDecimal mileageRate, @NotBlank String mileageUnit,
		@NotNull DataSize maxReceiptSize, @NotBlank String expenseAccount, @NotBlank String paymentAccount) {

	public ExpenseProperties {
		if (maxReceiptSize != null && maxReceiptSize.toBytes() <= 0) {
			throw new IllegalArgumentException("ledgerflow.expenses.max-receipt-size must be positive");
		}
	}

}
