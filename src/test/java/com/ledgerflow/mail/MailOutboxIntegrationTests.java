package com.ledgerflow.mail;

import java.util.List;

import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.ledgerflow.mail.OutboxFixture.invoiceMail;
import static com.ledgerflow.mail.OutboxFixture.pdf;
import static com.ledgerflow.mail.OutboxFixture.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MailOutboxIntegrationTests {

	@Autowired
	MailOutbox outbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	OutboxFixture fixture;

	@BeforeEach
	void emptyOutbox() {
		fixture = new OutboxFixture(outbox, transactionManager, jdbc);
		fixture.clear();
	}

	@Test
	void storesAPendingMessageWithItsAttachmentInTheCallersTransaction() {
		var id = fixture.enqueue(invoiceMail(uniqueKey(), "Jane Doe <jane@example.com>"));

		var row = fixture.row(id);
		assertThat(row).containsEntry("status", "PENDING")
			.containsEntry("attempts", 0)
			.containsEntry("recipients", "Jane Doe <jane@example.com>")
			.containsEntry("subject", "Invoice 2026-0042")
			.containsEntry("message_id", "<" + id + "@ledgerflow.local>");
		assertThat(row.get("next_attempt_at")).isEqualTo(row.get("created_at"));
		assertThat(jdbc.queryForObject("select content from mail_outbox_attachment where message_id = ?", byte[].class,
				id))
			.isEqualTo(pdf());
	}

	@Test
	void storesOneMessageWhenTheSameDedupeKeyIsEnqueuedTwice() {
		String key = uniqueKey();
		fixture.enqueue(invoiceMail(key, "jane@example.com"));
		fixture.enqueue(invoiceMail(key, "jane@example.com"));
		new TransactionTemplate(transactionManager).executeWithoutResult((status) -> {
			outbox.enqueue(MailMessage.text(key, "other@example.com", "Other", "Other"));
			outbox.enqueue(MailMessage.text(key, "other@example.com", "Other", "Other"));
		});

		assertThat(fixture.count()).isOne();
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox_attachment", Integer.class)).isOne();
	}

	@Test
	void refusesToEnqueueOutsideATransaction() {
		assertThatThrownBy(() -> outbox.enqueue(MailMessage.text(uniqueKey(), "jane@example.com", "Hi", "Hi")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(fixture.count()).isZero();
	}

	@Test
	void storesNothingWhenTheBusinessTransactionRollsBack() {
		new TransactionTemplate(transactionManager).executeWithoutResult((status) -> {
			outbox.enqueue(invoiceMail(uniqueKey(), "jane@example.com"));
			status.setRollbackOnly();
		});

		assertThat(fixture.count()).isZero();
	}

	@Test
	void rejectsAnInvalidRecipientNamingIt() {
		var message = new MailMessage(uniqueKey(), List.of("jane@example.com", "bob@"), "Hi", "Hi", null, List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> fixture.enqueue(message)).withMessageContaining("'bob@'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.enqueue(MailMessage.text(uniqueKey(), "not an address", "Hi", "Hi")))
			.withMessageContaining("'not an address'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.enqueue(MailMessage.text(uniqueKey(), "jane", "Hi", "Hi")))
			.withMessageContaining("'jane'");
		assertThat(fixture.count()).isZero();
	}

	@Test
	void rejectsASubjectWithALineBreak() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture
				.enqueue(MailMessage.text(uniqueKey(), "jane@example.com", "Hi\r\nBcc: all@example.com", "Hi")))
			.withMessageContaining("one line");
	}

}
