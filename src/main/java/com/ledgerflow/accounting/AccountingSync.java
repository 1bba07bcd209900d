package com.ledgerflow.accounting;

import java.util.function.Function;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps clients and projects in the accounting system, exactly once: the external id of every pushed record is kept
 * in {@code external_link}, so a retry updates what exists instead of creating a second one.
 */
@Service
public class AccountingSync {

	static final String CUSTOMER = "CUSTOMER";

	static final String PROJECT = "PROJECT";

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final ClientService clients;

	private final ProjectService projects;

	private final Clock clock;

	AccountingSync(AccountingSystem accounting, ExternalLinkRepository links, ClientService clients,
			ProjectService projects, Clock clock) {
		this.accounting = accounting;
		this.links = links;
		this.clients = clients;
		this.projects = projects;
		this.clock = clock;
	}

	/** Ensures the project's client and the project itself exist in accounting; idempotent. */
	@Transactional
	public ExternalRef setUpProject(UUID projectId) {
		Project project = projects.get(projectId);
		Client client = clients.get(project.clientId());
		ExternalRef customer = push(CUSTOMER, client.id(), existing -> accounting.pushCustomer(client, existing));
		return push(PROJECT, project.id(), existing -> accounting.pushProject(project, customer, existing));
	}

	/** Closes the project's job in accounting (setting it up first if it never was) and the project itself. */
	@Transactional
	public void closeProject(UUID projectId) {
		accounting.closeProject(setUpProject(projectId));
		projects.close(projectId);
	}

	@Transactional(readOnly = true)
	public Optional<ExternalRef> externalRef(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId).map(ExternalLink::ref);
	}

	private ExternalRef push(String entityType, UUID localId,
			Function<Optional<ExternalRef>, ExternalRef> call) {
		Optional<ExternalLink> link = links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId);
		ExternalRef ref = call.apply(link.map(ExternalLink::ref));
		ExternalLink saved = link.orElseGet(() -> new ExternalLink(accounting.name(), entityType, localId, ref,
				clock.instant()));
		saved.synced(ref, clock.instant());
		links.save(saved);
		return ref;
	}

}
