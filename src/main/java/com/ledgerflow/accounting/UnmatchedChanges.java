package com.ledgerflow.accounting;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What was received from the accounting system but not taken over ({@code accounting_unmatched_change}), one row per
 * record of an entity, the latest reason winning: listed on the sync page until the record is taken over.
 */
@Component
class UnmatchedChanges {

	static final int MAX_REASON_LENGTH = 2000;

	private final AccountingSystem accounting;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	UnmatchedChanges(AccountingSystem accounting, JdbcTemplate jdbc, Clock clock) {
		this.accounting = accounting;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String entity, String externalId, String reason) {
		String shortened = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
		jdbc.update("""
				insert into accounting_unmatched_change (system, entity, external_id, reason, recorded_at)
				values (?, ?, ?, ?, ?)
				on conflict (system, entity, external_id)
				do update set reason = excluded.reason, recorded_at = excluded.recorded_at""", accounting.name(),
				entity, externalId, shortened, Timestamp.from(clock.instant()));
	}

	void clear(String entity, String externalId) {
		jdbc.update("delete from accounting_unmatched_change where system = ? and entity = ? and external_id = ?",
				accounting.name(), entity, externalId);
	}

}
