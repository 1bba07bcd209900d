package com.ledgerflow.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A postal address; every part optional, {@code country} an ISO 3166 alpha-2 code. */
@Embeddable
public record Address(@Column(name = "address_line1") @Size(max = 200) @Nullable String line1,
		@Column(name = "address_line2") @Size(max = 200) @Nullable String line2,
		@Column(name = "city") @Size(max = 100) @Nullable String city,
		@Column(name = "postal_code") @Size(max = 20) @Nullable String postalCode,
		@Column(name = "region") @Size(max = 100) @Nullable String region,
		@Column(name = "country") @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166 two-letter country code") @Nullable String country) {
}
