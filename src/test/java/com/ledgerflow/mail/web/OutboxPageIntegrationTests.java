package com.ledgerflow.mail.web;

import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MimeParts;
import com.ledgerflow.mail.OutboxFixture;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

import static com.ledgerflow.mail.OutboxFixture.invoiceMail;
import static com.ledgerflow.mail.OutboxFixture.pdf;
import static com.ledgerflow.mail.OutboxFixture.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the page is for staff: finance watches the outbox (adapt the role once security defines who may see it)
@IntegrationTest
@WithMockUser(roles = "finance")
class OutboxPageIntegrationTests {

	@Autowired
	MailOutbox outbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	OutboxFixture fixture;

	MockMvc mvc;

	@BeforeEach
	void setUp(@Autowired WebApplicationContext context) {
		// built from the shared context (no @AutoConfigureMockMvc: that would start a second one)
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		fixture = new OutboxFixture(outbox, transactionManager, jdbc);
		fixture.clear();
	}

	@Test
	void listsMessagesNewestFirstWithStatusRecipientAndSubject() throws Exception {
		UUID older = fixture.enqueue(MailMessage.text(uniqueKey(), "bob@example.com", "Older subject", "Hi"));
		UUID newer = fixture.enqueue(invoiceMail(uniqueKey(), "Jane Doe <jane@example.com>"));

		String page = mvc.perform(get("/outbox"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Jane Doe &lt;jane@example.com&gt;")))
			.andExpect(content().string(containsString("PENDING")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.indexOf("/outbox/" + newer)).isPositive().isLessThan(page.indexOf("/outbox/" + older));
		assertThat(page).contains("Invoice 2026-0042", "Older subject", "css/ledgerflow.css");
	}

	@Test
	void showsOneMessageWithItsHeadersBodyAndAttachments() throws Exception {
		UUID id = fixture.enqueue(invoiceMail(uniqueKey(), "jane@example.com"));

		mvc.perform(get("/outbox/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Invoice 2026-0042")))
			.andExpect(content().string(containsString("please find attached.")))
			.andExpect(content().string(containsString("invoice-2026-0042.pdf")))
			.andExpect(content().string(containsString("&lt;" + id + "@ledgerflow.local&gt;")))
			.andExpect(content().string(containsString("/outbox/" + id + ".eml")));
	}

	@Test
	void downloadsTheMessageAsAnEmlFileWithItsAttachment() throws Exception {
		UUID id = fixture.enqueue(invoiceMail(uniqueKey(), "jane@example.com"));

		byte[] eml = mvc.perform(get("/outbox/{id}.eml", id))
			.andExpect(status().isOk())
			.andExpect(content().contentType("message/rfc822"))
			.andExpect(header().string("Content-Disposition", containsString(id + ".eml")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
		assertThat(message.getSubject()).isEqualTo("Invoice 2026-0042");
		assertThat(message.getMessageID()).isEqualTo("<" + id + "@ledgerflow.local>");
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("jane@example.com");
		assertThat(MimeParts.text(message)).contains("please find attached.");
		assertThat(MimeParts.attachment(message)).isEqualTo(pdf());
	}

	@Test
	void downloadsAnAttachment() throws Exception {
		UUID id = fixture.enqueue(invoiceMail(uniqueKey(), "jane@example.com"));
		UUID attachmentId = jdbc.queryForObject("select id from mail_outbox_attachment where message_id = ?",
				UUID.class, id);

		mvc.perform(get("/outbox/{id}/attachments/{attachmentId}", id, attachmentId))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("invoice-2026-0042.pdf")))
			.andExpect(content().bytes(pdf()));
	}

	@Test
	void answersNotFoundProblemForAnUnknownMessageOrAttachment() throws Exception {
		UUID unknown = UUID.randomUUID();
		UUID id = fixture.enqueue(invoiceMail(uniqueKey(), "jane@example.com"));

		for (String path : new String[] { "/outbox/" + unknown, "/outbox/" + unknown + ".eml",
				"/outbox/" + id + "/attachments/" + unknown }) {
			mvc.perform(get(path).accept(MediaType.APPLICATION_PROBLEM_JSON, MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.detail", containsString(unknown.toString())));
		}
	}

	@Test
	void putsAFailedMessageBackToPending() throws Exception {
		UUID id = fixture.enqueue(MailMessage.text(uniqueKey(), "jane@example.com", "Reminder", "Please pay"));
		fixture.markFailed(id);

		mvc.perform(get("/outbox/{id}", id)).andExpect(content().string(containsString("Retry")));
		mvc.perform(post("/outbox/{id}/retry", id).with(csrf())).andExpect(redirectedUrl("/outbox/" + id));

		assertThat(fixture.row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
		mvc.perform(post("/outbox/{id}/retry", id).with(csrf())).andExpect(status().isConflict());
	}

}
