package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.ledgerflow.accounting.AccountingSystem;

import org.springframework.web.client.RestClient;

/** The QBO client and adapter wired by hand against a {@link FakeQbo}: no Spring context, fast retries. */
public final class QboFixtures {

	/** 4 attempts, 10 ms to 50 ms apart, at most 1 s of waiting in all. */
	static final QboRetryPolicy FAST_RETRIES = new QboRetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(1));

	private QboFixtures() {
	}

	/** The QBO adapter against {@code fake}, with QBO's real limits and a 5 s timeout. */
	public static AccountingSystem accountingSystem(FakeQbo fake) {
		return new QboAccountingSystem(client(fake, properties(fake, 500, 10, Duration.ofSeconds(5)),
				new FakeQboTokens(fake), Clock.systemUTC(), Sleeper.REAL));
	}

	/**
	 * The QBO adapter against {@code fake} with its rate limit scaled: at most {@code requestsPerWindow} requests in
	 * any rolling {@code window} (QBO: 500 per minute), {@code maxConcurrent} in flight.
	 */
	static QboAccountingSystem accountingSystem(FakeQbo fake, int requestsPerWindow, Duration window,
			int maxConcurrent) {
		return new QboAccountingSystem(new QboClient(properties(fake, requestsPerWindow, maxConcurrent,
				Duration.ofSeconds(30)), new FakeQboTokens(fake), RestClient.builder(), FAST_RETRIES, Clock.systemUTC(),
				Sleeper.REAL, window));
	}

	static QboProperties properties(FakeQbo fake, int requestsPerMinute, int maxConcurrent, Duration timeout) {
		return new QboProperties(fake.baseUrl(), URI.create("http://localhost/connect/oauth2"), fake.tokenUrl(),
				URI.create("http://localhost/revoke"), "fake-client-id", "fake-client-secret",
				URI.create("http://localhost:8080/accounting/qbo/callback"), null, null, 75, requestsPerMinute,
				maxConcurrent, timeout, Duration.ofMinutes(15));
	}

	static QboClient client(FakeQbo fake, QboProperties properties, QboAccessTokens tokens, Clock clock,
			Sleeper sleeper) {
		return new QboClient(properties, tokens, RestClient.builder(), FAST_RETRIES, clock, sleeper);
	}

}
