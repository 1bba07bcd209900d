package com.ledgerflow.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts messages into the outbox the way a module does, and reads and ages its rows. */
public class OutboxFixture {

	private final MailOutbox outbox;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	public OutboxFixture(MailOutbox outbox, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		this.outbox = outbox;
		this.transaction = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	/** Empties the outbox, so that a test sees (and delivers) only its own messages. */
	public void clear() {
		jdbc.update("delete from mail_outbox");
	}

	/** Enqueues in a transaction of its own and returns the id of the stored row. */
	public UUID enqueue(MailMessage message) {
		transaction.executeWithoutResult((status) -> outbox.enqueue(message));
		return idOf(message.dedupeKey());
	}

	public UUID idOf(String dedupeKey) {
		return jdbc.queryForObject("select id from mail_outbox where dedupe_key = ?", UUID.class, dedupeKey);
	}

	public Map<String, Object> row(UUID id) {
		return jdbc.queryForMap("select * from mail_outbox where id = ?", id);
	}

	public int count() {
		return jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
	}

	/** Time passes: the message's next attempt is due. */
	public void makeDue(UUID id) {
		jdbc.update("update mail_outbox set next_attempt_at = now() - interval '1 second' where id = ?", id);
	}

	public void markFailed(UUID id) {
		jdbc.update("update mail_outbox set status = 'FAILED', attempts = 10, last_error = 'test' where id = ?", id);
	}

	public static MailMessage invoiceMail(String dedupeKey, String to) {
		return new MailMessage(dedupeKey, List.of(to), "Invoice 2026-0042", "Dear client,\n\nplease find attached.",
				"<p>Dear client,</p><p>please find attached.</p>",
				List.of(new MailAttachment("invoice-2026-0042.pdf", "application/pdf", pdf())));
	}

	public static byte[] pdf() {
		return "%PDF-1.7 test invoice\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	public static String uniqueKey() {
		return "test:" + UUID.randomUUID();
	}

	public static Instant instant(Object timestamp) {
		return ((java.sql.Timestamp) timestamp).toInstant();
	}

}
