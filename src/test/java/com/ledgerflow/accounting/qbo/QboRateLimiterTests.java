package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QboRateLimiterTests {

	@Test
	void neverStartsMoreThanTheLimitInAnyRollingMinute() {
		TestClock clock = new TestClock();
		QboRateLimiter limiter = new QboRateLimiter(5, 10, Duration.ofSeconds(1), clock, duration -> {
			clock.sleep(duration);
		});
		List<Instant> starts = new ArrayList<>();

		for (int i = 0; i < 23; i++) {
			limiter.call(() -> starts.add(clock.instant()));
			clock.sleep(Duration.ofSeconds(7)); // work between calls
		}

		for (Instant start : starts) {
			long inWindow = starts.stream()
				.filter(other -> !other.isBefore(start) && other.isBefore(start.plus(QboRateLimiter.WINDOW)))
				.count();
			assertThat(inWindow).as("requests in the minute from %s", start).isLessThanOrEqualTo(5);
		}
		assertThat(starts).hasSize(23);
	}

}
