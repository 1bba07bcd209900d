package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long the client retries 429, 5xx, timeouts and network errors: exponential back-off with jitter
 * (half fixed, half random), capped per wait and in total; a longer {@code Retry-After} than the budget left gives up.
 * @param maxAttempts attempts in all, the first included
 * @param firstBackoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest single wait
 * @param maxTotalBackoff the most the client waits over all retries of one call
 */
record QboRetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxTotalBackoff) {

	/** 4 attempts, 0.5 s, 1 s, 2 s (each ±50 % jitter downwards), at most 8 s per wait and 20 s in total. */
	static final QboRetryPolicy DEFAULT = new QboRetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(20));

	/** The wait after failed attempt {@code attempt} (1-based). */
	Duration backoff(int attempt) {
		long base = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt - 1, 20));
		long half = base / 2;
		return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
	}

}
