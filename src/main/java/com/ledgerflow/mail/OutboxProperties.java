package com.ledgerflow.mail;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mail outbox ({@code ledgerflow.mail.*}). SMTP itself is Spring Boot's {@code spring.mail.*}: with
 * no {@code spring.mail.host} nothing is sent and messages stay in the outbox.
 * @param from sender of every message, an RFC 822 address such as {@code Ledgerflow <billing@example.com>}
 * @param pollInterval pause between two delivery passes of one node
 * @param batchSize messages one delivery pass claims (and locks) at most
 * @param maxAttempts failed sends after which a message is {@code FAILED} and waits for a retry from the page
 * @param smtpTimeout connect, read and write timeout of the SMTP connection, unless set in
 * {@code spring.mail.properties}; a delivery pass holds its row locks while it talks to the server
 */
@Validated
@ConfigurationProperties("ledgerflow.mail")
public record OutboxProperties(@DefaultValue("Ledgerflow <billing@ledgerflow.local>") @NotBlank String from,
		@DefaultValue("PT5S") @NotNull Duration pollInterval, @DefaultValue("20") @Min(1) int batchSize,
		@DefaultValue("10") @Min(1) int maxAttempts, @DefaultValue("PT30S") @NotNull Duration smtpTimeout) {

	/** The right-hand side of generated Message-IDs: the domain of {@link #from()}. */
	public String messageIdDomain() {
		int at = from.lastIndexOf('@');
		String domain = (at < 0) ? "" : from.substring(at + 1).replace(">", "").trim();
		return domain.isEmpty() ? "ledgerflow.local" : domain;
	}

}
