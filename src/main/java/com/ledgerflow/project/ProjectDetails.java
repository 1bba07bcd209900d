package com.ledgerflow.project;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A project as created or replaced through the API. Amounts are in the client's currency.
 * @param retainerAmount the fixed monthly amount; required for {@link BillingModel#RETAINER}, refused otherwise
 */
public record ProjectDetails(@NotNull UUID clientId,
		@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,29}",
				message = "must be 2-30 upper-case letters, digits or dashes") String code,
		@NotBlank @Size(max = 200) String name, @NotNull BillingModel billingModel, @NotNull BillingCycle billingCycle,
		@DecimalMin("0") @Digits(integer = 8, fraction = 2) @Nullable BigDecimal budgetHours,
		@DecimalMin("0") @Digits(integer = 12, fraction = 2) @Nullable BigDecimal budgetAmount,
		@DecimalMin(value = "0", inclusive = false) @Digits(integer = 12,
				fraction = 2) @Nullable BigDecimal retainerAmount,
		@NotNull UUID managerId) {
}
