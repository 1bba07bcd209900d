package com.ledgerflow.project;

import java.time.Instant;
import java.util.UUID;

import com.ledgerflow.client.Client;

/** Projects built in memory (not stored), for adapter tests without a database. */
public final class ProjectFixture {

	private ProjectFixture() {
	}

	public static Project project(Client client, String code, String name) {
		return new Project(details(client.id(), code, name, UUID.randomUUID()), Instant.parse("2026-03-02T09:00:00Z"));
	}

	public static ProjectDetails details(UUID clientId, String code, String name, UUID managerId) {
		return new ProjectDetails(clientId, code, name, BillingModel.TIME_AND_MATERIALS, BillingCycle.MONTHLY, null,
				null, null, managerId);
	}

}
