package com.ledgerflow.mail;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the text, the HTML and the attachment of a received or downloaded message. */
public final class MimeParts {

	private MimeParts() {
	}

	/** The first text/plain part, or "". */
	public static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

	/** The first text/html part, or "". */
	public static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = html(multipart.getBodyPart(i));
				if (!html.isEmpty()) {
					return html;
				}
			}
		}
		return "";
	}

	/** The bytes of the first part with disposition attachment. */
	public static byte[] attachment(Part part) throws Exception {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return part.getInputStream().readAllBytes();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				byte[] content = attachment(multipart.getBodyPart(i));
				if (content.length > 0) {
					return content;
				}
			}
		}
		return new byte[0];
	}

}
