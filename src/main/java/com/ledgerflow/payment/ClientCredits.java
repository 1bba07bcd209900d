package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients' credit ledger: an overpayment adds an entry, and a client's credit is the sum of its entries per
 * currency. Entries are only ever added (a later use of the credit is a negative entry), so the history stays.
 */
@Service
public class ClientCredits {

	private final JdbcTemplate jdbc;

	ClientCredits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Credits {@code amount} (positive) of a payment's excess to its client; called by the recording transaction. */
	void addOverpayment(Payment payment, String description) {
		jdbc.update("""
				insert into client_credit (id, client_id, currency, amount, payment_id, description, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), payment.clientId(), payment.currency(),
				payment.creditAmount(), payment.id(), description, Timestamp.from(payment.recordedAt()));
	}

	/**
	 * Uses up to {@code amount} of the client's credit in the payment's currency for {@code payment} (a negative
	 * entry): as much as there is, never below zero. Called by the recording transaction; answers what was used.
	 */
	BigDecimal use(UUID clientId, Payment payment, BigDecimal amount, String description) {
		BigDecimal available = jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from client_credit where client_id = ? and currency = ?",
				BigDecimal.class, clientId, payment.currency());
		BigDecimal used = amount.min(available == null ? BigDecimal.ZERO : available);
		if (used.signum() <= 0) {
			return BigDecimal.ZERO;
		}
		jdbc.update("""
				insert into client_credit (id, client_id, currency, amount, payment_id, description, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), clientId, payment.currency(), used.negate(),
				payment.id(), description, Timestamp.from(payment.recordedAt()));
		return used;
	}

	/** The client's credit per currency, currencies with a zero sum left out. */
	@Transactional(readOnly = true)
	public List<ClientCredit> of(UUID clientId) {
		return jdbc.query("""
				select client_id, currency, sum(amount) amount from client_credit where client_id = ?
				group by client_id, currency having sum(amount) <> 0 order by currency""",
				(rs, row) -> new ClientCredit(rs.getObject("client_id", UUID.class), rs.getString("currency"),
						rs.getBigDecimal("amount")),
				clientId);
	}

	/** Every client's credit per currency, largest first (the payments page). */
	@Transactional(readOnly = true)
	public List<ClientCredit> all() {
		return jdbc.query("""
				select client_id, currency, sum(amount) amount from client_credit
				group by client_id, currency having sum(amount) <> 0 order by sum(amount) desc, client_id""",
				(rs, row) -> new ClientCredit(rs.getObject("client_id", UUID.class), rs.getString("currency"),
						rs.getBigDecimal("amount")));
	}

	/** The client's credit entries, oldest first. */
	@Transactional(readOnly = true)
	public List<ClientCreditEntry> entries(UUID clientId) {
		return jdbc.query("""
				select c.id, c.client_id, c.currency, c.amount, c.payment_id, p.invoice_id, c.description, c.created_at
				from client_credit c left join payment p on p.id = c.payment_id
				where c.client_id = ? order by c.created_at, c.id""",
				(rs, row) -> new ClientCreditEntry(rs.getObject("id", UUID.class),
						rs.getObject("client_id", UUID.class), rs.getString("currency"), rs.getBigDecimal("amount"),
						rs.getObject("payment_id", UUID.class), rs.getObject("invoice_id", UUID.class),
						rs.getString("description"), rs.getObject("created_at", OffsetDateTime.class)
							.toInstant()),
				clientId);
	}

}
