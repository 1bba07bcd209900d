package com.ledgerflow.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Clients built in memory (not stored), for adapter tests without a database. */
public final class ClientFixture {

	private ClientFixture() {
	}

	public static Client client(String name) {
		return new Client(details(name), Instant.parse("2026-03-02T09:00:00Z"));
	}

	/** The same client (same id) under a new name, as after an edit. */
	public static Client renamed(Client client, String name) {
		client.apply(details(name));
		return client;
	}

	public static ClientDetails details(String name) {
		return new ClientDetails(name, List.of("ap@" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".test"),
				new Address("1 Main Street", null, "Springfield", "62701", "IL", "US"), "USD", 30,
				new BigDecimal("8.875"));
	}

}
