package com.ledgerflow.mail;

/** A file attached to a {@link MailMessage}. */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
