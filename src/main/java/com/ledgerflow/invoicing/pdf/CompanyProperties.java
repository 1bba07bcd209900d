package com.ledgerflow.invoicing.pdf;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The company on the invoices ({@code ledgerflow.invoicing.company.*}).
 * @param name the company name, printed at the top of every invoice and in its footer
 * @param address address lines under the name, top to bottom (at most 6)
 * @param logo a PNG or JPEG as a Spring resource location ({@code file:/etc/ledgerflow/logo.png},
 * {@code classpath:…}), or none; drawn at most 160 × 56 pt, keeping its proportions
 */
@Validated
@ConfigurationProperties("ledgerflow.invoicing.company")
record CompanyProperties(@NotBlank String name, @DefaultValue @NotNull @Size(max = 6) List<@NotBlank String> address,
		@Nullable Resource logo) {

}
