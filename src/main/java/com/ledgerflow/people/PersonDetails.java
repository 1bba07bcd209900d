package com.ledgerflow.people;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A person as created or replaced through the API; rates are per hour in the company currency.
 * @param userId the Camunda user id this person logs in with
 * @param active null means active
 */
public record PersonDetails(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
		@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,64}",
				message = "must be 1-64 letters, digits, dots, dashes or underscores") String userId,
		@NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal costRate,
		@NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal defaultBillRate,
		@Nullable Boolean active) {
}
