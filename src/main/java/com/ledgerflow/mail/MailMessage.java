package com.ledgerflow.mail;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to write to the outbox.
 * @param dedupeKey stable key of the business fact behind the message (e.g. {@code project-plan:{projectId}:{personId}});
 * enqueuing the same key twice stores one message
 * @param to one or more recipient addresses
 * @param htmlBody optional HTML alternative to the text body
 */
public record MailMessage(String dedupeKey, List<String> to, String subject, String textBody, @Nullable String htmlBody,
		List<MailAttachment> attachments) {

	public MailMessage {
		to = List.copyOf(to);
		attachments = List.copyOf(attachments);
	}

	/** A message with the text and HTML bodies rendered from a template ({@link MailTemplates#render}). */
	public static MailMessage of(String dedupeKey, List<String> to, String subject, MailTemplates.Bodies bodies,
			List<MailAttachment> attachments) {
		return new MailMessage(dedupeKey, to, subject, bodies.text(), bodies.html(), attachments);
	}

	public static MailMessage text(String dedupeKey, String to, String subject, String textBody) {
		return new MailMessage(dedupeKey, List.of(to), subject, textBody, null, List.of());
	}

}
