package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A fixed-fee milestone as planned or changed; the amount is in the client's currency. */
public record MilestoneDetails(@NotBlank @Size(max = 200) String name,
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@Nullable LocalDate dueDate) {
}
