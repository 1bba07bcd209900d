package com.ledgerflow.accounting.qbo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingChangeReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of changes QuickBooks reported: webhooks and the CDC poll insert ({@code on conflict do nothing}, so a
 * replay or a change seen by both adds nothing); {@link #processPending} claims unprocessed rows with
 * {@code for update skip locked} (safe on several nodes), publishes {@link AccountingChangeReceived} for each and marks
 * it processed in the same transaction (the event publication registry keeps the event until listeners succeed).
 * With provider {@code qbo} a changed {@code Payment} is read back first, so its amount and the invoice it pays are
 * kept with the change for the sync page (a webhook carries only the id).
 */
@Component
class QboInboundChanges {

	static final int BATCH_SIZE = 100;

	private static final Logger log = LoggerFactory.getLogger(QboInboundChanges.class);

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<QboClient> qbo;

	QboInboundChanges(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, ObjectProvider<QboClient> qbo) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.qbo = qbo;
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
			describe(change);
			events.publishEvent(new AccountingChangeReceived(change.entity(), change.entityId(), change.operation()));
			jdbc.update("update qbo_inbound_change set processed_at = ? where id = ?", now, change.id());
		}
		return batch.size();
	}

	// best effort: a payment that cannot be read now is still reported; the page then shows no amount
	private void describe(Pending change) {
		QboClient client = qbo.getIfAvailable();
		if (client == null || !QboPayment.ENTITY.equals(change.entity()) || "Delete".equals(change.operation())) {
			return;
		}
		try {
			QboPayment payment = client.read(QboPayment.ENTITY, change.entityId(), QboPayment.class);
			QboPayment.LinkedTxn linked = payment.firstLinkedTxn().orElse(null);
			jdbc.update("""
					update qbo_inbound_change set amount = ?, currency = ?, linked_entity = ?, linked_external_id = ?
					where id = ?""", payment.totalAmt(),
					payment.currencyRef() == null ? null : payment.currencyRef().value(),
					linked == null ? null : linked.txnType(), linked == null ? null : linked.txnId(), change.id());
		}
		catch (RuntimeException ex) {
			log.warn("QBO Payment {} could not be read: {}", change.entityId(), ex.toString());
		}
	}

	private record Pending(UUID id, String entity, String entityId, String operation) {
	}

}
