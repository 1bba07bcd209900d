package com.ledgerflow.mail.outbox;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file attached to an {@link OutboxMessage}; written by {@code MailOutbox}, never changed. */
@Entity
@Table(name = "mail_outbox_attachment")
public class OutboxAttachment {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "message_id")
	private OutboxMessage message;

	private int ordinal;

	private String filename;

	@Column(name = "content_type")
	private String contentType;

	private byte[] content;

	@SuppressWarnings("NullAway.Init")
	protected OutboxAttachment() {
		// for JPA
	}

	public UUID getId() {
		return id;
	}

	public OutboxMessage getMessage() {
		return message;
	}

	public String getFilename() {
		return filename;
	}

	public String getContentType() {
		return contentType;
	}

	public byte[] getContent() {
		return content;
	}

	public int getSize() {
		return content.length;
	}

}
