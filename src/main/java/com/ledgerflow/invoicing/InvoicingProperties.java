package com.ledgerflow.invoicing;

import java.util.regex.Matcher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invoicing settings ({@code ledgerflow.invoicing.*}).
 * @param numberPattern invoice numbers: {@code {yyyy}} (or {@code {yy}}) is the year of issue, {@code {seq:N}} the
 * number within that year zero-padded to N digits ({@code {seq}}: unpadded); default {@code {yyyy}-{seq:4}}. Numbers
 * restart at 1 every year, so the year must be part of the pattern.
 * @param paymentInstructions how to pay, shown on the client-facing invoice page (e.g. bank transfer details); line
 * breaks are kept
 */
@Validated
@ConfigurationProperties("ledgerflow.invoicing")
public record InvoicingProperties(
		@NotBlank @Pattern(regexp = "(?=.*\\{yy(yy)?\\})(?=.*\\{seq(:[1-9])?\\}).*",
				message = "must contain {yyyy} or {yy} and {seq} or {seq:N}") String numberPattern,
		@DefaultValue("") String paymentInstructions) {

	private static final java.util.regex.Pattern SEQUENCE = java.util.regex.Pattern.compile("\\{seq(?::([1-9]))?\\}");

	/** The number of the {@code sequence}-th invoice of {@code year}. */
	String format(int year, int sequence) {
		String result = numberPattern.replace("{yyyy}", String.format("%04d", year))
			.replace("{yy}", String.format("%02d", year % 100));
		Matcher seq = SEQUENCE.matcher(result);
		StringBuilder out = new StringBuilder();
		while (seq.find()) {
			String width = seq.group(1);
			String value = width == null ? Integer.toString(sequence) : String.format("%0" + width + "d", sequence);
			seq.appendReplacement(out, value);
		}
		seq.appendTail(out);
		return out.toString();
	}

}
