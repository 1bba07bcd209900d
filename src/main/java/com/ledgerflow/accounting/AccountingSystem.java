package com.ledgerflow.accounting;

import java.util.Optional;

import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;

/**
 * What Ledgerflow needs from a bookkeeping system; implemented by {@code local} and (later) {@code qbo}, picked by
 * {@code ledgerflow.accounting.provider}. Adapters are stateless; {@link AccountingSync} passes what it knows.
 */
public interface AccountingSystem {

	/** The provider name stored with every external link ({@code local}, {@code qbo}). */
	String name();

	/** Creates the client as a customer, or updates the existing one. */
	ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing);

	/**
	 * {@link #pushCustomer(Client, Optional)} after {@code rejectedBefore} pushes of this client were refused with
	 * {@link AccountingRejected}. An adapter whose writes are idempotent by request key must not reuse the key of a
	 * refused write (the system may answer the same refusal again, even after the cause was fixed), and must reuse
	 * it otherwise (a push repeated after a crash returns the record created the first time).
	 */
	default ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing, int rejectedBefore) {
		return pushCustomer(client, existing);
	}

	/** Creates the project as a sub-customer job under the client, or updates the existing one. */
	ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing);

	/** {@link #pushProject(Project, ExternalRef, Optional)} after {@code rejectedBefore} refused pushes of it. */
	default ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing,
			int rejectedBefore) {
		return pushProject(project, customer, existing);
	}

	/** Marks the project's job inactive; closing a closed job is a no-op. */
	void closeProject(ExternalRef project);

}
