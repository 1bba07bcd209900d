package com.ledgerflow.accounting;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retries a failed push on request (the sync page) and, when it succeeds, announces {@link AccountingPushRetried}
 * so that waiting processes continue. A failure is recorded on the link as by any push, and thrown.
 */
@Service
public class AccountingSyncRetry {

	private final AccountingSync sync;

	private final ProjectService projects;

	private final ApplicationEventPublisher events;

	AccountingSyncRetry(AccountingSync sync, ProjectService projects, ApplicationEventPublisher events) {
		this.sync = sync;
		this.projects = projects;
		this.events = events;
	}

	/** Whether a failed record of this type can be retried from here (other types are retried by their process). */
	public static boolean canRetry(String entityType) {
		return AccountingSync.CUSTOMER.equals(entityType) || AccountingSync.PROJECT.equals(entityType);
	}

	/**
	 * Pushes the record again: a customer on its own, a project with its client.
	 * @throws AccountingRejected when the accounting system refuses it again
	 * @throws IllegalArgumentException for a type that {@link #canRetry(String) cannot be retried} here
	 */
	@Transactional
	public void retry(String entityType, UUID localId) {
		List<UUID> waiting = switch (entityType) {
			case AccountingSync.CUSTOMER -> {
				sync.pushClient(localId);
				yield projects.list().stream().filter(p -> p.clientId().equals(localId)).map(Project::id).toList();
			}
			case AccountingSync.PROJECT -> {
				sync.setUpProject(localId);
				yield List.of(localId);
			}
			default -> throw new IllegalArgumentException(entityType + " records are retried by their process");
		};
		events.publishEvent(new AccountingPushRetried(entityType, localId, waiting));
	}

}
