package com.ledgerflow.accounting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchases (expenses paid) entered directly in the accounting system, their lines mapped to Ledgerflow's projects
 * through the external links ({@code PROJECT}: job to project). A purchase Ledgerflow booked itself from an approved
 * expense ({@code EXPENSE} link) is its own echo and never comes back. Also keeps what could not be taken over, for
 * the sync page.
 */
@Service
public class ReceivedPurchases {

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final UnmatchedChanges unmatched;

	ReceivedPurchases(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		this.accounting = accounting;
		this.links = links;
		this.unmatched = unmatched;
	}

	/**
	 * The purchase with the project each of its lines on a job maps to; empty when it is gone (deleted) or when
	 * Ledgerflow pushed it itself. Technical failures of the accounting system throw (the caller retries).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceivedPurchase> read(String externalId) {
		if (!linked(AccountingSync.EXPENSE, externalId).isEmpty()) {
			return Optional.empty();
		}
		return accounting.readPurchase(new ExternalRef(externalId))
			.map(purchase -> new ReceivedPurchase(purchase, purchase.lines()
				.stream()
				.map(line -> new ReceivedPurchase.Line(line, projectOf(line.customerOrJob())))
				.toList()));
	}

	/** Lists the purchase on the sync page as not taken over, for {@code reason}; the latest reason wins. */
	@Transactional
	public void unmatched(String externalId, String reason) {
		unmatched.record(AccountingChange.PURCHASE, externalId, reason);
	}

	/** The purchase was taken over (or needs nothing more): no longer listed as not taken over. */
	@Transactional
	public void matched(String externalId) {
		unmatched.clear(AccountingChange.PURCHASE, externalId);
	}

	private @Nullable UUID projectOf(ExternalRef job) {
		List<ExternalLink> found = linked(AccountingSync.PROJECT, job.value());
		return found.size() == 1 ? found.get(0).localId() : null;
	}

	private List<ExternalLink> linked(String entityType, String externalId) {
		return links.findBySystemAndEntityTypeAndExternalId(accounting.name(), entityType, externalId);
	}

}
