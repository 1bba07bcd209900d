package com.ledgerflow.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An expense as entered. {@code amount} is required except for a mileage category, where it is {@code distance} ×
 * the configured rate. {@code currency} defaults to the project's (its client's); another currency needs the
 * {@code exchangeRate} to the project's. {@code billable} defaults to true, {@code markupPercent} to the project's.
 */
public record ExpenseDetails(@NotNull UUID personId, @NotNull UUID projectId, @NotNull LocalDate date,
		@NotBlank @Size(max = 40) String category, @NotBlank @Size(max = 200) String vendor,
		@Nullable @Size(max = 2000) String description,
		@Nullable @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
		@Nullable @Digits(integer = 10, fraction = 8) BigDecimal exchangeRate,
		@Nullable @Digits(integer = 8, fraction = 2) BigDecimal distance, @Nullable Boolean billable,
		@Nullable @Digits(integer = 3, fraction = 2) BigDecimal markupPercent) {

}
