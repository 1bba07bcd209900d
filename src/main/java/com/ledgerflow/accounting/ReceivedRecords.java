package com.ledgerflow.accounting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;

/**
 * Records of one entity entered in the accounting system, read with the Ledgerflow ids the external links map them
 * to. A record Ledgerflow booked itself (it has the entity's own link) is its echo and never comes back. Also keeps
 * what could not be taken over, for the sync page. Each entity maps its record in its own subclass.
 * @param <E> the record as the accounting system holds it
 * @param <R> the record with the Ledgerflow ids it maps to
 */
public abstract class ReceivedRecords<E, R> {

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final UnmatchedChanges unmatched;

	private final String entity;

	private final List<String> ownLinks;

	/**
	 * @param entity the {@link AccountingChange} entity, under which the sync page lists what was not taken over
	 * @param ownLinks the external link types of the records Ledgerflow booked itself
	 */
	ReceivedRecords(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched,
			String entity, String... ownLinks) {
		this.accounting = accounting;
		this.links = links;
		this.unmatched = unmatched;
		this.entity = entity;
		this.ownLinks = List.of(ownLinks);
	}

	/**
	 * The record with the Ledgerflow ids it maps to; empty when it is gone (deleted) or when Ledgerflow booked it
	 * itself. Technical failures of the accounting system throw (the caller retries).
	 */
	@Transactional(readOnly = true)
	public Optional<R> read(String externalId) {
		if (ownLinks.stream().anyMatch(type -> !linked(type, externalId).isEmpty())) {
			return Optional.empty();
		}
		return fetch(accounting, new ExternalRef(externalId)).map(this::mapped);
	}

	/** Lists the record on the sync page as not taken over, for {@code reason}; the latest reason wins. */
	@Transactional
	public void unmatched(String externalId, String reason) {
		unmatched.record(entity, externalId, reason);
	}

	/** The record was taken over (or needs nothing more): no longer listed as not taken over. */
	@Transactional
	public void matched(String externalId) {
		unmatched.clear(entity, externalId);
	}

	/** The record as the accounting system holds it; empty when it is gone. */
	abstract Optional<E> fetch(AccountingSystem accounting, ExternalRef id);

	/** Whether the Ledgerflow record has a link of that type: a push of it started, whether or not it finished. */
	final boolean pushedLocally(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId).isPresent();
	}

	/** The record with the Ledgerflow ids it maps to, looked up with {@link #localId}. */
	abstract R mapped(E record);

	/** The Ledgerflow id {@code ref} is linked to as {@code entityType}; {@code null} when none or not one. */
	final @Nullable UUID localId(String entityType, @Nullable ExternalRef ref) {
		if (ref == null) {
			return null;
		}
		List<ExternalLink> found = linked(entityType, ref.value());
		return found.size() == 1 ? found.get(0).localId() : null;
	}

	private List<ExternalLink> linked(String entityType, String externalId) {
		return links.findBySystemAndEntityTypeAndExternalId(accounting.name(), entityType, externalId);
	}

}
