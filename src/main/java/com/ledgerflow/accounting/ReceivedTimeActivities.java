package com.ledgerflow.accounting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time activities entered directly in the accounting system (QBO, QuickBooks Time), mapped to Ledgerflow's ids through
 * the external links: the job to its project ({@code PROJECT} link), the employee to the person pushed as it
 * ({@code EMPLOYEE} link). An activity Ledgerflow booked itself ({@code TIME_ACTIVITY} link) is its own echo and never
 * comes back. Also keeps what could not be taken over, for the sync page.
 */
@Service
public class ReceivedTimeActivities {

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final UnmatchedChanges unmatched;

	ReceivedTimeActivities(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		this.accounting = accounting;
		this.links = links;
		this.unmatched = unmatched;
	}

	/**
	 * The time activity with the project and person it maps to; empty when it is gone (deleted) or when Ledgerflow
	 * pushed it itself. Technical failures of the accounting system throw (the caller retries).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceivedTimeActivity> read(String externalId) {
		if (!linked(AccountingSync.TIME_ACTIVITY, externalId).isEmpty()) {
			return Optional.empty();
		}
		return accounting.readTimeActivity(new ExternalRef(externalId))
			.map(activity -> new ReceivedTimeActivity(activity,
					localId(AccountingSync.PROJECT, activity.customerOrJob()),
					localId(AccountingSync.EMPLOYEE, activity.employee())));
	}

	/** Lists the time activity on the sync page as not taken over, for {@code reason}; the latest reason wins. */
	@Transactional
	public void unmatched(String externalId, String reason) {
		unmatched.record(AccountingChange.TIME_ACTIVITY, externalId, reason);
	}

	/** The time activity was taken over (or needs nothing more): no longer listed as not taken over. */
	@Transactional
	public void matched(String externalId) {
		unmatched.clear(AccountingChange.TIME_ACTIVITY, externalId);
	}

	private @Nullable UUID localId(String entityType, @Nullable ExternalRef ref) {
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
