package com.ledgerflow.accounting;

import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectFixture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the processes need from any {@link AccountingSystem}, run against every adapter: each subclass supplies the
 * adapter and a way to look at what it stored.
 */
public abstract class AccountingSystemContractTests {

	protected abstract AccountingSystem accounting();

	/** The customer or job the accounting system holds under {@code ref}. */
	protected abstract Stored stored(ExternalRef ref);

	/** A customer or job as the accounting system holds it, in the port's terms. */
	public record Stored(String displayName, boolean job, @Nullable String parentId, boolean active) {
	}

	@Test
	void pushingANewCustomerReturnsARefToIt() {
		Client client = ClientFixture.client(unique("Acme"));

		ExternalRef ref = accounting().pushCustomer(client, Optional.empty());

		assertThat(stored(ref)).isEqualTo(new Stored(client.name(), false, null, true));
	}

	@Test
	void pushingACustomerAgainWithItsRefUpdatesItAndKeepsTheRef() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting().pushCustomer(client, Optional.empty());

		ExternalRef again = accounting().pushCustomer(ClientFixture.renamed(client, client.name() + " Inc"),
				Optional.of(ref));

		assertThat(again).isEqualTo(ref);
		assertThat(stored(ref).displayName()).isEqualTo(client.name());
		assertThat(client.name()).endsWith(" Inc");
	}

	@Test
	void aProjectBecomesAnActiveJobUnderItsCustomer() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");

		ExternalRef job = accounting().pushProject(project, customer, Optional.empty());

		assertThat(job).isNotEqualTo(customer);
		assertThat(stored(job))
			.isEqualTo(new Stored(project.code() + " Website relaunch", true, customer.value(), true));
	}

	@Test
	void pushingAProjectAgainWithItsRefKeepsTheJob() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");
		ExternalRef job = accounting().pushProject(project, customer, Optional.empty());

		assertThat(accounting().pushProject(project, customer, Optional.of(job))).isEqualTo(job);
		assertThat(stored(job).parentId()).isEqualTo(customer.value());
	}

	@Test
	void closingAProjectMarksItsJobInactiveAndClosingAgainChangesNothing() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		ExternalRef job = accounting().pushProject(ProjectFixture.project(client, code(), "Audit"), customer,
				Optional.empty());

		accounting().closeProject(job);
		accounting().closeProject(job);

		assertThat(stored(job).active()).isFalse();
		assertThat(stored(customer).active()).isTrue();
	}

	protected static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	protected static String code() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
