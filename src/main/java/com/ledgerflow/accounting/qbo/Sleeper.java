package com.ledgerflow.accounting.qbo;

import java.time.Duration;

/** Waits between retries and for the rate limit; tests pass one that records instead of sleeping. */
@FunctionalInterface
interface Sleeper {

	Sleeper REAL = duration -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QboUnavailable("Interrupted while waiting for QuickBooks", ex);
		}
	};

	void sleep(Duration duration);

}
