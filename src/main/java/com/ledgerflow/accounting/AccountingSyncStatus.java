package com.ledgerflow.accounting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of {@link AccountingSync} for the sync page: per record type how many are in sync, pending and
 * failed with the active accounting system, and the failures themselves, newest first.
 */
@Service
public class AccountingSyncStatus {

	/** The page lists at most this many failures; the counts include all of them. */
	public static final int MAX_FAILURES = 200;

	/** The page lists this many of the most recent changes received from the accounting system. */
	public static final int MAX_RECEIVED = 50;

	private final JdbcTemplate jdbc;

	private final AccountingSystem accounting;

	private final ClientService clients;

	private final ProjectService projects;

	AccountingSyncStatus(JdbcTemplate jdbc, AccountingSystem accounting, ClientService clients,
			ProjectService projects) {
		this.jdbc = jdbc;
		this.accounting = accounting;
		this.clients = clients;
		this.projects = projects;
	}

	/** The accounting system the counts are for ({@code local}, {@code qbo}). */
	public String system() {
		return accounting.name();
	}

	/** Customers and projects always, then every other type that has links, in name order. */
	@Transactional(readOnly = true)
	public List<SyncTypeStatus> byType() {
		Map<String, SyncTypeStatus> byType = new LinkedHashMap<>();
		byType.put(AccountingSync.CUSTOMER, SyncTypeStatus.none(AccountingSync.CUSTOMER));
		byType.put(AccountingSync.PROJECT, SyncTypeStatus.none(AccountingSync.PROJECT));
		jdbc.query("""
				select entity_type,
				       count(*) filter (where external_id is not null and last_error is null) as in_sync,
				       count(*) filter (where external_id is null and last_error is null) as pending,
				       count(*) filter (where last_error is not null) as failed
				from external_link where system = ? group by entity_type order by entity_type""",
				(rs, row) -> new SyncTypeStatus(rs.getString("entity_type"), rs.getLong("in_sync"),
						rs.getLong("pending"), rs.getLong("failed")),
				accounting.name())
			.forEach(status -> byType.put(status.entityType(), status));
		return List.copyOf(byType.values());
	}

	/** Each invoice's state with the active accounting system (not posted when it has no link). */
	@Transactional(readOnly = true)
	public Map<UUID, InvoiceSyncState> invoices(Collection<UUID> invoiceIds) {
		return states(AccountingSync.INVOICE, invoiceIds, InvoiceSyncState.NOT_POSTED, InvoiceSyncState::of);
	}

	/**
	 * Each payment's state with the active accounting system, for payments recorded in Ledgerflow (pending when it
	 * has no link yet: its push runs after the commit).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, PaymentSyncState> payments(Collection<UUID> paymentIds) {
		return states(AccountingSync.PAYMENT, paymentIds, PaymentSyncState.PENDING, PaymentSyncState::of);
	}

	/** Each record's state from its link of this type ({@code none} without one), read in one query. */
	private <S> Map<UUID, S> states(String entityType, Collection<UUID> localIds, S none,
			BiFunction<@Nullable String, @Nullable String, S> fromLink) {
		Map<UUID, S> states = new HashMap<>();
		localIds.forEach(id -> states.put(id, none));
		if (localIds.isEmpty()) {
			return states;
		}
		List<Object> args = new ArrayList<>(List.of(accounting.name(), entityType));
		args.addAll(localIds);
		String ids = String.join(", ", Collections.nCopies(localIds.size(), "?"));
		jdbc.query("select local_id, external_id, last_error from external_link"
				+ " where system = ? and entity_type = ? and local_id in (" + ids + ")",
				(RowCallbackHandler) rs -> states.put(rs.getObject("local_id", UUID.class),
						fromLink.apply(rs.getString("external_id"), rs.getString("last_error"))),
				args.toArray());
		return states;
	}

	/**
	 * The payments recorded in Ledgerflow whose booking in the active accounting system failed (refused, or the
	 * accounting system unreachable), the most recent attempt first, however old the payment: each needs finance.
	 */
	@Transactional(readOnly = true)
	public List<UUID> failedPayments() {
		return jdbc.queryForList("""
				select local_id from external_link
				where system = ? and entity_type = ? and last_error is not null
				order by last_attempt_at desc nulls last, local_id""", UUID.class, accounting.name(),
				AccountingSync.PAYMENT);
	}

	/** Records whose last push failed, the most recent attempt first. */
	@Transactional(readOnly = true)
	public List<SyncFailure> failures() {
		return jdbc.query("""
				select entity_type, local_id, last_error, attempts, last_attempt_at from external_link
				where system = ? and last_error is not null
				order by last_attempt_at desc nulls last, entity_type, local_id limit ?""", (rs, row) -> {
			String type = rs.getString("entity_type");
			UUID localId = rs.getObject("local_id", UUID.class);
			OffsetDateTime lastAttempt = rs.getObject("last_attempt_at", OffsetDateTime.class);
			return new SyncFailure(type, localId, describe(type, localId), rs.getString("last_error"),
					rs.getInt("attempts"), lastAttempt == null ? null : lastAttempt.toInstant(),
					AccountingSyncRetry.canRetry(type));
		}, accounting.name(), MAX_FAILURES);
	}

	/**
	 * The most recent changes the accounting system reported, newest first, each with the Ledgerflow record it
	 * concerns when known: a payment's invoice, or the posted invoice, time activity, expense or customer itself.
	 */
	@Transactional(readOnly = true)
	public List<ReceivedChange> received() {
		return jdbc.query("""
				select c.entity, c.entity_id, c.operation, c.amount, c.currency, c.received_at, c.source,
				       l.entity_type as linked_type, l.local_id as linked_id
				from qbo_inbound_change c
				left join lateral (
				  select entity_type, local_id from external_link
				  where system = ? and external_id = coalesce(c.linked_external_id, c.entity_id)
				    and entity_type in (case coalesce(c.linked_entity, c.entity)
				                          when 'Invoice' then 'INVOICE' when 'TimeActivity' then 'TIME_ACTIVITY'
				                          when 'Purchase' then 'EXPENSE' when 'Customer' then 'CUSTOMER' end,
				                        case coalesce(c.linked_entity, c.entity) when 'Customer' then 'PROJECT' end)
				  limit 1) l on true
				order by c.received_at desc, c.id limit ?""", (rs, row) -> new ReceivedChange(rs.getString("entity"),
				rs.getString("entity_id"), rs.getString("operation"), rs.getString("linked_type"),
				rs.getObject("linked_id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("source")),
				accounting.name(), MAX_RECEIVED);
	}

	/** Changes received from the accounting system that could not be taken over, the most recent first. */
	@Transactional(readOnly = true)
	public List<UnmatchedChange> unmatched() {
		return jdbc.query("""
				select entity, external_id, reason, recorded_at from accounting_unmatched_change where system = ?
				order by recorded_at desc, external_id limit ?""",
				(rs, row) -> new UnmatchedChange(rs.getString("entity"), rs.getString("external_id"),
						rs.getString("reason"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()),
				accounting.name(), MAX_FAILURES);
	}

	private String describe(String entityType, UUID localId) {
		try {
			return switch (entityType) {
				case AccountingSync.CUSTOMER -> clients.get(localId).name();
				case AccountingSync.PROJECT -> describe(projects.get(localId));
				default -> localId.toString();
			};
		}
		catch (NotFound ex) {
			return localId + " (deleted)";
		}
	}

	private static String describe(Project project) {
		return project.code() + " " + project.name();
	}

}
