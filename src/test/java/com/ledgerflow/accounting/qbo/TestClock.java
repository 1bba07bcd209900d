package com.ledgerflow.accounting.qbo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when something sleeps on it: the limiter's and retries' waits cost no test time. */
final class TestClock extends Clock implements Sleeper {

	private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public synchronized void sleep(Duration duration) {
		sleeps.add(duration);
		now = now.plus(duration);
	}

	List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
