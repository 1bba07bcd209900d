package com.ledgerflow.mail.smtp;

import java.time.Clock;
import java.util.List;
import java.util.Properties;

import com.ledgerflow.mail.OutboxProperties;
import com.ledgerflow.mail.outbox.OutboxMessage;
import com.ledgerflow.mail.outbox.OutboxMessageRepository;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends due outbox messages over SMTP; active when {@code spring.mail.host} is set.
 * <p>
 * A pass locks the rows it claims ({@code for update skip locked}) until it has recorded every outcome, so passes on
 * any number of nodes never send one message twice. If a node dies after the SMTP server accepted a message but
 * before the commit, the message is sent again later with the same {@code Message-ID}, so mail clients and the
 * recipient can recognise the duplicate.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private final OutboxMessageRepository messages;

	private final JavaMailSender sender;

	private final MimeMessageRenderer renderer;

	private final OutboxProperties properties;

	private final Clock clock;

	OutboxDelivery(OutboxMessageRepository messages, JavaMailSender sender, MimeMessageRenderer renderer,
			OutboxProperties properties, Clock clock) {
		this.messages = messages;
		this.sender = sender;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
		applyTimeouts(sender, properties);
	}

	/**
	 * One delivery pass: claims up to {@code batch-size} due messages and sends each.
	 * @return how many messages the SMTP server accepted
	 */
	@Transactional
	public int deliverDue() {
		List<OutboxMessage> due = messages.lockDue(clock.instant(), properties.batchSize());
		int sent = 0;
		for (OutboxMessage message : due) {
			if (send(message)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(OutboxMessage message) {
		try {
			MimeMessage mime = sender.createMimeMessage();
			renderer.fill(mime, message);
			sender.send(mime);
			message.markSent(clock.instant());
			return true;
		}
		// any failure, even a bug in rendering one message, must not stop the others or retry it forever
		catch (MessagingException | RuntimeException ex) {
			message.markAttemptFailed(describe(ex), clock.instant(), properties.maxAttempts());
			log.warn("Sending mail {} '{}' to {} failed (attempt {}, now {}): {}", message.getId(),
					message.getSubject(), message.getRecipients(), message.getAttempts(), message.getStatus(),
					describe(ex));
			return false;
		}
	}

	/** JavaMail waits forever by default; a pass must not hold its row locks while a dead server never answers. */
	private static void applyTimeouts(JavaMailSender sender, OutboxProperties properties) {
		if (sender instanceof JavaMailSenderImpl impl) {
			Properties mail = impl.getJavaMailProperties();
			String millis = String.valueOf(properties.smtpTimeout().toMillis());
			for (String key : List.of("connectiontimeout", "timeout", "writetimeout")) {
				mail.putIfAbsent("mail.smtp." + key, millis);
				mail.putIfAbsent("mail.smtps." + key, millis);
			}
		}
	}

	private static String describe(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return (cause == ex) ? text : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
	}

}
