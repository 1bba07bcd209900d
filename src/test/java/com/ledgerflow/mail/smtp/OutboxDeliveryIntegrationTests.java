package com.ledgerflow.mail.smtp;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestMailServer;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MimeParts;
import com.ledgerflow.mail.OutboxFixture;
import com.ledgerflow.mail.outbox.OutboxMessages;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static com.ledgerflow.mail.OutboxFixture.instant;
import static com.ledgerflow.mail.OutboxFixture.invoiceMail;
import static com.ledgerflow.mail.OutboxFixture.pdf;
import static com.ledgerflow.mail.OutboxFixture.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OutboxDeliveryIntegrationTests {

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	OutboxMessages messages;

	@Autowired
	MailOutbox outbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail greenMail = TestMailServer.greenMail();

	OutboxFixture fixture;

	@BeforeEach
	void emptyOutboxAndMailServer() throws Exception {
		fixture = new OutboxFixture(outbox, transactionManager, jdbc);
		fixture.clear();
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void deliversAPendingMessageWithItsAttachmentAndAStableMessageId() throws Exception {
		UUID id = fixture.enqueue(invoiceMail(uniqueKey(), "Jane Doe <jane@example.com>"));

		assertThat(delivery.deliverDue()).isOne();

		MimeMessage received = onlyReceivedMessage();
		assertThat(received.getRecipients(RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Jane Doe <jane@example.com>");
		assertThat(received.getFrom()).extracting(Object::toString)
			.containsExactly("Ledgerflow <billing@ledgerflow.local>");
		assertThat(received.getSubject()).isEqualTo("Invoice 2026-0042");
		assertThat(received.getMessageID()).isEqualTo("<" + id + "@ledgerflow.local>");
		assertThat(MimeParts.text(received)).contains("please find attached.");
		assertThat(MimeParts.attachment(received)).isEqualTo(pdf());
		var row = fixture.row(id);
		assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 0);
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(delivery.deliverDue()).isZero();
	}

	@Test
	void keepsAMessagePendingWhileSmtpIsDownAndDeliversItOnceWhenItIsBack() throws Exception {
		UUID id = fixture.enqueue(MailMessage.text(uniqueKey(), "jane@example.com", "Your tasks", "Plan the project"));

		TestMailServer.whileDown(() -> assertThat(delivery.deliverDue()).isZero());

		var row = fixture.row(id);
		assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) row.get("last_error")).contains("MailSendException");
		assertThat(instant(row.get("next_attempt_at"))).isAfter(Instant.now().plus(Duration.ofSeconds(50)));
		assertThat(delivery.deliverDue()).as("not due before its backoff has passed").isZero();

		fixture.makeDue(id);
		assertThat(delivery.deliverDue()).isOne();
		assertThat(delivery.deliverDue()).isZero();

		assertThat(onlyReceivedMessage().getMessageID()).isEqualTo(fixture.row(id).get("message_id"));
		assertThat(fixture.row(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
	}

	@Test
	void neverSendsAMessageTwiceFromConcurrentPasses() throws Exception {
		int count = 45;
		IntStream.range(0, count)
			.forEach((i) -> fixture.enqueue(MailMessage.text(uniqueKey(), "team" + i + "@example.com", "Task " + i, "")));
		CyclicBarrier start = new CyclicBarrier(3);
		List<CompletableFuture<Integer>> passes = IntStream.range(0, 3).mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
			arriveAt(start);
			return delivery.deliverDue();
		})).toList();
		int sentConcurrently = passes.stream().mapToInt(CompletableFuture::join).sum();

		int sentLater = 0;
		for (int sent = delivery.deliverDue(); sent > 0; sent = delivery.deliverDue()) {
			sentLater += sent;
		}

		assertThat(sentConcurrently + sentLater).isEqualTo(count);
		await().until(() -> greenMail.getReceivedMessages().length >= count);
		assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(OutboxDeliveryIntegrationTests::messageId))
			.hasSize(count)
			.doesNotHaveDuplicates();
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'SENT'", Integer.class))
			.isEqualTo(count);
	}

	@Test
	void failsAMessageAfterMaxAttemptsAndDeliversItAfterARetry() throws Exception {
		UUID id = fixture.enqueue(MailMessage.text(uniqueKey(), "jane@example.com", "Reminder", "Please pay"));

		TestMailServer.whileDown(() -> {
			for (int attempt = 1; attempt <= 10; attempt++) {
				assertThat(delivery.deliverDue()).isZero();
				assertThat(fixture.row(id)).containsEntry("attempts", attempt);
				fixture.makeDue(id);
			}
		});

		assertThat(fixture.row(id)).containsEntry("status", "FAILED");
		assertThat(delivery.deliverDue()).as("a failed message waits for a person").isZero();

		assertThat(messages.retry(id)).contains(true);
		assertThat(delivery.deliverDue()).isOne();
		assertThat(fixture.row(id)).containsEntry("status", "SENT");
		assertThat(onlyReceivedMessage().getSubject()).isEqualTo("Reminder");
	}

	private MimeMessage onlyReceivedMessage() {
		await().until(() -> greenMail.getReceivedMessages().length > 0);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void arriveAt(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
