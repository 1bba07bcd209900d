package com.ledgerflow.accounting.qbo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingChangeReceived;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of changes QuickBooks reported: webhooks and the CDC poll insert ({@code on conflict do nothing}, so a
 * replay or a change seen by both adds nothing); {@link #processPending} claims unprocessed rows with
 * {@code for update skip locked} (safe on several nodes), publishes {@link AccountingChangeReceived} for each and marks
 * it processed in the same transaction (the event publication registry keeps the event until listeners succeed).
 */
@Component
class QboInboundChanges {

	static final int BATCH_SIZE = 100;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QboInboundChanges(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Stores the changes; answers how many were new. */
	@Transactional
	int record(List<QboInboundChange> changes, QboInboundChange.Source source) {
		Timestamp now = Timestamp.from(clock.instant());
		int inserted = 0;
		for (QboInboundChange change : changes) {
			inserted += jdbc.update("""
					insert into qbo_inbound_change
					  (id, realm_id, entity, entity_id, operation, last_updated, source, received_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (realm_id, entity, entity_id, operation, last_updated) do nothing""", UUID.randomUUID(),
					change.realmId(), change.entity(), change.entityId(), change.operation(),
					Timestamp.from(change.lastUpdated()), source.name(), now);
		}
		return inserted;
	}

	/** Processes one batch of unprocessed changes; answers how many. */
	@Transactional
	int processPending() {
		List<Pending> batch = jdbc.query("""
				select id, entity, entity_id, operation from qbo_inbound_change
				where processed_at is null
				order by received_at, id
				limit ?
				for update skip locked""",
				(row, index) -> new Pending(row.getObject("id", UUID.class), row.getString("entity"),
						row.getString("entity_id"), row.getString("operation")),
				BATCH_SIZE);
		Timestamp now = Timestamp.from(clock.instant());
		for (Pending change : batch) {
			events.publishEvent(new AccountingChangeReceived(change.entity(), change.entityId(), change.operation()));
			jdbc.update("update qbo_inbound_change set processed_at = ? where id = ?", now, change.id());
		}
		return batch.size();
	}

	private record Pending(UUID id, String entity, String entityId, String operation) {
	}

}
