package com.ledgerflow.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One message in the outbox and its delivery state. Rows are inserted by {@code MailOutbox}; this entity records what
 * happens to them afterwards.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

	/** Wait after the first failed attempt; doubles with every further failure up to {@link #MAX_BACKOFF}. */
	static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);

	static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private static final int MAX_ERROR_LENGTH = 2000;

	@Id
	private UUID id;

	private String dedupeKey;

	private String recipients;

	private String subject;

	private String textBody;

	private @Nullable String htmlBody;

	@Enumerated(EnumType.STRING)
	private OutboxStatus status = OutboxStatus.PENDING;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant createdAt;

	private @Nullable Instant sentAt;

	private @Nullable String lastError;

	private String messageId;

	@OneToMany(mappedBy = "message")
	@OrderBy("ordinal")
	private List<OutboxAttachment> attachments = new ArrayList<>();

	@SuppressWarnings("NullAway.Init")
	protected OutboxMessage() {
		// for JPA
	}

	/** The SMTP server accepted the message. */
	public void markSent(Instant now) {
		this.status = OutboxStatus.SENT;
		this.sentAt = now;
		this.lastError = null;
	}

	/**
	 * A delivery attempt failed: try again after an exponential backoff (1 min, 2, 4, … at most 1 h), or give up
	 * ({@code FAILED}) once {@code maxAttempts} attempts failed.
	 */
	public void markAttemptFailed(String error, Instant now, int maxAttempts) {
		this.attempts++;
		this.lastError = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		if (attempts >= maxAttempts) {
			this.status = OutboxStatus.FAILED;
		}
		else {
			this.nextAttemptAt = now.plus(backoffAfter(attempts));
		}
	}

	/**
	 * Puts a {@code FAILED} message back in the queue, due now, with a fresh series of attempts.
	 * @return whether the message was failed (and now is pending again)
	 */
	public boolean retry(Instant now) {
		if (status != OutboxStatus.FAILED) {
			return false;
		}
		this.status = OutboxStatus.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = now;
		return true;
	}

	static Duration backoffAfter(int failedAttempts) {
		int doublings = Math.min(failedAttempts - 1, 10);
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

	public UUID getId() {
		return id;
	}

	public String getDedupeKey() {
		return dedupeKey;
	}

	/** The recipients as an RFC 822 address list (the {@code To} header). */
	public String getRecipients() {
		return recipients;
	}

	public String getSubject() {
		return subject;
	}

	public String getTextBody() {
		return textBody;
	}

	public @Nullable String getHtmlBody() {
		return htmlBody;
	}

	public OutboxStatus getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public @Nullable Instant getSentAt() {
		return sentAt;
	}

	public @Nullable String getLastError() {
		return lastError;
	}

	/** The {@code Message-ID} header, {@code <id@domain>}, the same for every attempt. */
	public String getMessageId() {
		return messageId;
	}

	/** Lazily loaded: read inside a transaction or from {@link OutboxMessages#findWithAttachments}. */
	public List<OutboxAttachment> getAttachments() {
		return attachments;
	}

}
