package com.ledgerflow.accounting;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A record whose last push failed: {@code error} is the accounting system's message and detail for a refusal (QBO's
 * {@code Message} and {@code Detail}), or the technical failure; {@code attempts} counts failures since the last
 * success. {@code record} names it for people (project code and name, client name).
 */
public record SyncFailure(String entityType, UUID localId, String record, String error, int attempts,
		@Nullable Instant lastAttemptAt, boolean retryable) {
}
