package com.ledgerflow.mail.outbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxMessageTests {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	@Test
	void doublesTheWaitAfterEachFailureUpToAnHour() {
		assertThat(OutboxMessage.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxMessage.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(OutboxMessage.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(OutboxMessage.backoffAfter(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(OutboxMessage.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
		assertThat(OutboxMessage.backoffAfter(100)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void staysPendingUntilTheLastAttemptFails() {
		OutboxMessage message = pending();

		message.markAttemptFailed("connection refused", NOW, 2);
		assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
		assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(message.getLastError()).isEqualTo("connection refused");

		message.markAttemptFailed("connection refused", NOW, 2);
		assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
		assertThat(message.getAttempts()).isEqualTo(2);
	}

	@Test
	void retriesOnlyAFailedMessageWithAFreshSeriesOfAttempts() {
		OutboxMessage message = pending();
		assertThat(message.retry(NOW)).isFalse();

		message.markAttemptFailed("refused", NOW, 1);
		assertThat(message.retry(NOW.plusSeconds(60))).isTrue();

		assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
		assertThat(message.getAttempts()).isZero();
		assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void keepsLongErrorsShort() {
		OutboxMessage message = pending();

		message.markAttemptFailed("x".repeat(10_000), NOW, 10);

		assertThat(message.getLastError()).hasSize(2000);
	}

	private static OutboxMessage pending() {
		return new OutboxMessage();
	}

}
