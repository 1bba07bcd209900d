package com.ledgerflow.client;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client is made of, as created or replaced through the API.
 * @param taxRate percent applied to invoice lines, e.g. {@code 8.875}; up to three decimals
 * @param paymentTermsDays days from issue to due date (0 = due on receipt)
 * @param lateFeeFixed the fixed part of the late fee a dunning step may charge, two decimals (null or 0: none)
 * @param lateFeePercent the late fee's percent of the open balance, up to three decimals (null or 0: none)
 */
public record ClientDetails(@NotBlank @Size(max = 200) String name,
		@NotEmpty @Size(max = 5) List<@NotBlank @Email @Size(max = 320) String> billingEmails,
		@Valid @Nullable Address address,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
		@NotNull @Min(0) @Max(365) Integer paymentTermsDays,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal taxRate,
		@Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal lateFeeFixed,
		@Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal lateFeePercent) {

	/** A client without a late fee. */
	public ClientDetails(String name, List<String> billingEmails, @Nullable Address address, String currency,
			Integer paymentTermsDays, BigDecimal taxRate) {
		this(name, billingEmails, address, currency, paymentTermsDays, taxRate, null, null);
	}

}
