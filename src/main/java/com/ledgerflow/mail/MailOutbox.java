package com.ledgerflow.mail;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.mail.outbox.OutboxStatus;
import com.ledgerflow.mail.smtp.AddressList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The way into the outbox: modules enqueue messages here, in the transaction of the business change they report, so
 * that a message exists if and only if the change committed. Delivery happens later, with retries.
 */
@Service
public class MailOutbox {

	private final JdbcClient jdbc;

	private final OutboxProperties properties;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Writes the message and its attachments to the outbox in the caller's transaction. Idempotent on
	 * {@link MailMessage#dedupeKey()}: when a message with that key exists (committed or earlier in this
	 * transaction), this call does nothing, even if the content differs.
	 * @throws IllegalArgumentException for an invalid recipient (named in the message), a blank dedupe key or subject,
	 * or a subject with line breaks
	 * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(MailMessage message) {
		String recipients = validate(message);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				insert into mail_outbox (id, dedupe_key, recipients, subject, text_body, html_body, status, attempts,
				                         next_attempt_at, created_at, message_id)
				values (:id, :dedupeKey, :recipients, :subject, :textBody, :htmlBody, :status, 0, :now, :now, :messageId)
				on conflict (dedupe_key) do nothing""")
			.param("id", id)
			.param("dedupeKey", message.dedupeKey())
			.param("recipients", recipients)
			.param("subject", message.subject())
			.param("textBody", message.textBody())
			.param("htmlBody", message.htmlBody(), Types.VARCHAR)
			.param("status", OutboxStatus.PENDING.name())
			.param("now", Timestamp.from(now))
			.param("messageId", "<" + id + "@" + properties.messageIdDomain() + ">")
			.update();
		if (inserted == 1) {
			insertAttachments(id, message.attachments());
		}
	}

	private void insertAttachments(UUID messageId, List<MailAttachment> attachments) {
		for (int ordinal = 0; ordinal < attachments.size(); ordinal++) {
			MailAttachment attachment = attachments.get(ordinal);
			jdbc.sql("""
					insert into mail_outbox_attachment (id, message_id, ordinal, filename, content_type, content)
					values (:id, :messageId, :ordinal, :filename, :contentType, :content)""")
				.param("id", UUID.randomUUID())
				.param("messageId", messageId)
				.param("ordinal", ordinal)
				.param("filename", attachment.filename())
				.param("contentType", attachment.contentType())
				.param("content", attachment.content())
				.update();
		}
	}

	private static String validate(MailMessage message) {
		require(StringUtils.hasText(message.dedupeKey()), "A mail needs a dedupe key");
		require(StringUtils.hasText(message.subject()), "A mail needs a subject");
		require(!message.subject().contains("\n") && !message.subject().contains("\r"),
				"A mail subject must be one line: '" + message.subject() + "'");
		for (MailAttachment attachment : message.attachments()) {
			require(StringUtils.hasText(attachment.filename()), "An attachment needs a file name");
			require(StringUtils.hasText(attachment.contentType()),
					"Attachment '" + attachment.filename() + "' needs a content type");
		}
		return AddressList.of(message.to()).header();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
