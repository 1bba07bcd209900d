package com.ledgerflow.accounting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
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

	static final int MAX_REASON_LENGTH = 2000;

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ReceivedTimeActivities(AccountingSystem accounting, ExternalLinkRepository links, JdbcTemplate jdbc, Clock clock) {
		this.accounting = accounting;
		this.links = links;
		this.jdbc = jdbc;
		this.clock = clock;
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
		String shortened = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
		jdbc.update("""
				insert into accounting_unmatched_change (system, entity, external_id, reason, recorded_at)
				values (?, ?, ?, ?, ?)
				on conflict (system, entity, external_id)
				do update set reason = excluded.reason, recorded_at = excluded.recorded_at""", accounting.name(),
				AccountingChange.TIME_ACTIVITY, externalId, shortened, Timestamp.from(clock.instant()));
	}

	/** The time activity was taken over (or needs nothing more): no longer listed as not taken over. */
	@Transactional
	public void matched(String externalId) {
		jdbc.update("delete from accounting_unmatched_change where system = ? and entity = ? and external_id = ?",
				accounting.name(), AccountingChange.TIME_ACTIVITY, externalId);
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
