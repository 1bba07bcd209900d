package com.ledgerflow.accounting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps clients and projects in the accounting system, exactly once: the external id of every pushed record is kept
 * in {@code external_link}, so a retry updates what exists instead of creating a second one. A failed push is recorded
 * on the link (error, attempts) in its own transaction, so it survives the caller's rollback; a success clears it.
 */
@Service
public class AccountingSync {

	static final String CUSTOMER = "CUSTOMER";

	static final String PROJECT = "PROJECT";

	private static final Logger log = LoggerFactory.getLogger(AccountingSync.class);

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final ClientService clients;

	private final ProjectService projects;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AccountingSync(AccountingSystem accounting, ExternalLinkRepository links, ClientService clients,
			ProjectService projects, Clock clock, PlatformTransactionManager transactions) {
		this.accounting = accounting;
		this.links = links;
		this.clients = clients;
		this.projects = projects;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Ensures the project's client and the project itself exist in accounting; idempotent. A refusal
	 * ({@link AccountingRejected}) leaves the caller's transaction committable: the process routes on it.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef setUpProject(UUID projectId) {
		Project project = projects.get(projectId);
		Client client = clients.get(project.clientId());
		ExternalRef customer = push(CUSTOMER, client.id(),
				(existing, rejected) -> accounting.pushCustomer(client, existing, rejected));
		return push(PROJECT, project.id(),
				(existing, rejected) -> accounting.pushProject(project, customer, existing, rejected));
	}

	/** Closes the project's job in accounting (setting it up first if it never was) and the project itself. */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public void closeProject(UUID projectId) {
		accounting.closeProject(setUpProject(projectId));
		projects.close(projectId);
	}

	/** Ensures the client exists in accounting as a customer (and is up to date); idempotent. */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushClient(UUID clientId) {
		Client client = clients.get(clientId);
		return push(CUSTOMER, client.id(),
				(existing, rejected) -> accounting.pushCustomer(client, existing, rejected));
	}

	@Transactional(readOnly = true)
	public Optional<ExternalRef> externalRef(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId)
			.flatMap(ExternalLink::ref);
	}

	/** Per record type, how many records are in sync and how many failed their last push (for the sync page). */
	@Transactional(readOnly = true)
	public List<SyncStatusCount> statusCounts() {
		return links.countStatusBySystem(accounting.name());
	}

	private ExternalRef push(String entityType, UUID localId,
			BiFunction<Optional<ExternalRef>, Integer, ExternalRef> call) {
		Optional<ExternalLink> link = links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId);
		ExternalRef ref;
		try {
			ref = call.apply(link.flatMap(ExternalLink::ref), link.map(ExternalLink::rejections).orElse(0));
		}
		catch (RuntimeException ex) {
			recordFailure(entityType, localId, ex);
			throw ex;
		}
		ExternalLink saved = link.orElseGet(() -> new ExternalLink(accounting.name(), entityType, localId));
		saved.synced(ref, clock.instant());
		links.save(saved);
		return ref;
	}

	// its own transaction: the caller's rolls back with the exception, the sync page must still show the failure
	private void recordFailure(String entityType, UUID localId, RuntimeException failure) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				ExternalLink link = links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId)
					.orElseGet(() -> new ExternalLink(accounting.name(), entityType, localId));
				link.failed(describe(failure), failure instanceof AccountingRejected, clock.instant());
				links.save(link);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the failed push of {} {}", entityType, localId, ex);
			failure.addSuppressed(ex);
		}
	}

	private static String describe(RuntimeException failure) {
		String message = failure.getMessage();
		return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
	}

}
