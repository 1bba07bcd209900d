package com.ledgerflow.mail.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Properties;

import com.ledgerflow.mail.OutboxProperties;
import com.ledgerflow.mail.outbox.OutboxAttachment;
import com.ledgerflow.mail.outbox.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Turns an outbox message into the MIME message that is sent, or downloaded as {@code .eml}. */
@Component
public class MimeMessageRenderer {

	private static final String MESSAGE_ID = "Message-ID";

	private final OutboxProperties properties;

	MimeMessageRenderer(OutboxProperties properties) {
		this.properties = properties;
	}

	/**
	 * The message as an RFC 822 file, with the same Message-ID as on the wire. Attachments must be loaded.
	 * @throws IllegalStateException if the stored message cannot be rendered
	 */
	public byte[] eml(OutboxMessage message) {
		MimeMessage mime = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader(MESSAGE_ID, message.getMessageId());
			}
		};
		try {
			fill(mime, message);
			mime.setSentDate(Date.from((message.getSentAt() != null) ? message.getSentAt() : message.getCreatedAt()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			mime.writeTo(out);
			return out.toByteArray();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Cannot render outbox message " + message.getId(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes headers, bodies and attachments of {@code message} into {@code mime}, including its stable
	 * {@code Message-ID} (Spring's {@code JavaMailSenderImpl} keeps an explicitly set Message-ID when it sends).
	 */
	void fill(MimeMessage mime, OutboxMessage message) throws MessagingException {
		boolean multipart = message.getHtmlBody() != null || !message.getAttachments().isEmpty();
		MimeMessageHelper helper = new MimeMessageHelper(mime, multipart, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(AddressList.fromHeader(message.getRecipients()).toArray());
		helper.setSubject(message.getSubject());
		if (message.getHtmlBody() != null) {
			helper.setText(message.getTextBody(), message.getHtmlBody());
		}
		else {
			helper.setText(message.getTextBody());
		}
		for (OutboxAttachment attachment : message.getAttachments()) {
			helper.addAttachment(attachment.getFilename(), new ByteArrayResource(attachment.getContent()),
					attachment.getContentType());
		}
		mime.setHeader(MESSAGE_ID, message.getMessageId());
	}

}
