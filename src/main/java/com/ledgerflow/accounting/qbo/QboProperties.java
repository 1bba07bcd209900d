package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * QuickBooks Online settings ({@code ledgerflow.accounting.qbo.*}); used when {@code ledgerflow.accounting.provider=qbo}.
 * URLs point at Intuit's production hosts by default, at the sandbox or a local fake in tests.
 * @param baseUrl API base without the realm, e.g. {@code https://quickbooks.api.intuit.com/v3/company}
 * @param encryptionKey base64 AES key (128/192/256 bit) for tokens at rest; required with provider qbo
 * @param webhookVerifierToken the app's webhook verifier token (HMAC-SHA256 key of {@code intuit-signature})
 * @param requestsPerMinute client-side rate limit per realm (QBO allows 500)
 * @param maxConcurrent client-side concurrency limit per realm (QBO allows 10)
 */
@Validated
@ConfigurationProperties("ledgerflow.accounting.qbo")
public record QboProperties(@NotNull URI baseUrl, @NotNull URI authorizeUrl, @NotNull URI tokenUrl,
		@NotNull URI revokeUrl, @Nullable String clientId, @Nullable String clientSecret, @Nullable URI redirectUri,
		@Nullable String encryptionKey, @Nullable String webhookVerifierToken, @Min(1) int minorVersion,
		@Min(1) int requestsPerMinute, @Min(1) int maxConcurrent, @NotNull Duration timeout,
		@NotNull Duration cdcInterval) {
}
