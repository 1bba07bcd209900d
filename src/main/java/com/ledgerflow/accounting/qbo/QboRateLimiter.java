package com.ledgerflow.accounting.qbo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * QBO's limits for one realm, enforced before every request: at most {@code maxConcurrent} requests in flight (a fair
 * semaphore) and at most {@code requestsPerMinute} started in any rolling minute (the start times of the last minute).
 */
class QboRateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final int requestsPerMinute;

	private final Duration window;

	private final Semaphore inFlight;

	private final Duration maxWait;

	private final Clock clock;

	private final Sleeper sleeper;

	private final Deque<Instant> started = new ArrayDeque<>();

	QboRateLimiter(int requestsPerMinute, int maxConcurrent, Duration maxWait, Clock clock, Sleeper sleeper) {
		this(requestsPerMinute, WINDOW, maxConcurrent, maxWait, clock, sleeper);
	}

	/** A limiter of {@code requestsPerWindow} in any rolling {@code window} (benchmarks scale QBO's minute down). */
	QboRateLimiter(int requestsPerWindow, Duration window, int maxConcurrent, Duration maxWait, Clock clock,
			Sleeper sleeper) {
		this.requestsPerMinute = requestsPerWindow;
		this.window = window;
		this.inFlight = new Semaphore(maxConcurrent, true);
		this.maxWait = maxWait;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	<T> T call(Supplier<T> request) {
		acquireSlot();
		try {
			awaitWindow();
			return request.get();
		}
		finally {
			inFlight.release();
		}
	}

	private void acquireSlot() {
		try {
			if (!inFlight.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new QboUnavailable("No free QuickBooks connection within " + maxWait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QboUnavailable("Interrupted while waiting for a QuickBooks connection", ex);
		}
	}

	private void awaitWindow() {
		while (true) {
			Duration wait;
			synchronized (started) {
				Instant now = clock.instant();
				Instant windowStart = now.minus(window);
				while (!started.isEmpty() && !started.peekFirst().isAfter(windowStart)) {
					started.pollFirst();
				}
				if (started.size() < requestsPerMinute) {
					started.addLast(now);
					return;
				}
				// the oldest start leaves the window this much later
				wait = Duration.between(windowStart, started.peekFirst());
			}
			sleeper.sleep(wait);
		}
	}

}
