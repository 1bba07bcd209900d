package com.ledgerflow.mail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.exceptions.TemplateInputException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mail template under {@code templates/mail/}, rendered by Spring Boot's template engine with the TEXT resolver
 * beside the pages' HTML one: the text and the HTML body carry the figures and the link, and the HTML escapes what
 * clients type. The invoice's and the assignment's HTML are written to {@code target/mail-preview/} to look at in a browser.
 */
@IntegrationTest
class MailTemplatesIntegrationTests {

	static final String CLIENT = "Müller & <Söhne>";

	static final URI LINK = URI.create("https://ledgerflow.test/invoices/view/abc?x=1&y=2");

	static final LocalDate DUE = LocalDate.of(2026, 12, 24);

	@Autowired
	MailTemplates templates;

	@Test
	void rendersTheInvoiceWithAmountDueDateAndPaymentLink() throws IOException {
		MailTemplates.Bodies bodies = templates.render("invoice", Map.of("client", CLIENT, "number", "2026-0042",
				"company", "Ledgerflow Demo Consulting", "amount", "1,326.63 USD", "dueDate", DUE, "paymentLink", LINK));
		preview("invoice", bodies);

		assertThat(bodies.text()).isEqualTo("""
				Dear Müller & <Söhne>,

				please find attached invoice 2026-0042.

				Amount due: 1,326.63 USD
				Due date: 2026-12-24
				Pay online: https://ledgerflow.test/invoices/view/abc?x=1&y=2

				Thank you for your business.

				Ledgerflow Demo Consulting
				""");
		assertEscapedHtml(bodies.html(), "2026-0042", "1,326.63 USD", "Amount due", "Ledgerflow Demo Consulting");
	}

	@ParameterizedTest
	@ValueSource(strings = { "reminder-heads-up", "reminder-overdue", "reminder-escalation", "reminder-final-notice" })
	void rendersEachReminderWithOpenBalanceDueDateAndPaymentLink(String name) {
		MailTemplates.Bodies bodies = templates.render(name, Map.of("client", CLIENT, "number", "2026-0042",
				"company", "Ledgerflow Demo Consulting", "balance", "226.63 USD", "dueDate", DUE, "paymentLink", LINK));

		assertThat(bodies.text()).startsWith("Dear Müller & <Söhne>,\n\n")
			.contains("invoice 2026-0042", "\n\nOpen balance: 226.63 USD\nDue date: 2026-12-24\nPay online: " + LINK
					+ "\n\n")
			.endsWith("\n\nLedgerflow Demo Consulting\n");
		assertEscapedHtml(bodies.html(), "2026-0042", "226.63 USD", "Open balance", "Ledgerflow Demo Consulting");
	}

	@Test
	void rendersThePaymentReceiptWithTheAmountPaid() {
		MailTemplates.Bodies bodies = templates.render("payment-receipt", Map.of("client", CLIENT, "number",
				"2026-0042", "company", "Ledgerflow Demo Consulting", "amount", "326.63 USD"));

		assertThat(bodies.text()).isEqualTo("""
				Dear Müller & <Söhne>,

				we received payment in full for invoice 2026-0042 (326.63 USD). Thank you for your business.

				Ledgerflow Demo Consulting
				""");
		assertThat(bodies.html()).contains("Dear <span>Müller &amp; &lt;Söhne&gt;</span>", "2026-0042", "326.63 USD")
			.doesNotContain("<Söhne>", "Pay online");
	}

	@Test
	void rendersTheTimesheetReminderWithTheWeekAndItsLink() {
		MailTemplates.Bodies bodies = templates.render("timesheet-reminder",
				Map.of("name", CLIENT, "week", "2026-W48", "monday", LocalDate.of(2026, 11, 23), "sunday",
						LocalDate.of(2026, 11, 29), "link", "https://ledgerflow.test/timesheet?week=2026-W48"));

		assertThat(bodies.text()).startsWith("Hello Müller & <Söhne>,\n\nyour timesheet for 2026-W48 (2026-11-23 to "
				+ "2026-11-29) has not been submitted yet.")
			.contains("\n\nhttps://ledgerflow.test/timesheet?week=2026-W48\n\n");
		assertThat(bodies.html()).contains("Hello <span>Müller &amp; &lt;Söhne&gt;</span>,", "2026-W48", "2026-11-23",
				"href=\"https://ledgerflow.test/timesheet?week=2026-W48\"", ">Ledgerflow<")
			.doesNotContain("<Söhne>");
	}

	@Test
	void rendersTheBudgetAlertWithHoursBudgetAndShare() {
		MailTemplates.Bodies bodies = templates.render("budget-alert",
				Map.of("name", "Mary", "code", "ACME-WEB", "project", "Relaunch <beta> & more", "approvedHours",
						"96.00", "budgetHours", "120", "percent", "80.0", "threshold", 80, "link",
						"https://ledgerflow.test/projects"));

		assertThat(bodies.text()).contains("project ACME-WEB Relaunch <beta> & more has 96.00 approved hours of its "
				+ "120-hour budget (80.0 %), past the 80 % mark.", "Project: https://ledgerflow.test/projects");
		assertThat(bodies.html()).contains("ACME-WEB Relaunch &lt;beta&gt; &amp; more", "96.00", "120 h", "80.0 %",
				"href=\"https://ledgerflow.test/projects\"")
			.doesNotContain("<beta>");
	}

	@Test
	void rendersTheProjectAssignmentWithOneLinePerTask() throws IOException {
		Map<String, Object> design = new HashMap<>(Map.of("name", "Design <v2>", "priority", "high", "due",
				LocalDate.of(2026, 12, 1), "estimate", "8", "billable", true));
		Map<String, Object> admin = new HashMap<>(Map.of("name", "Admin", "priority", "normal", "billable", false));
		admin.put("due", null);
		admin.put("estimate", null);

		MailTemplates.Bodies bodies = templates.render("project-assignment", Map.of("name", CLIENT, "code",
				"ACME-WEB", "project", "Website relaunch", "tasks", List.of(design, admin), "link",
				"https://ledgerflow.test/"));
		preview("project-assignment", bodies);

		assertThat(bodies.text()).isEqualTo("""
				Hello Müller & <Söhne>,

				you have 2 tasks on project ACME-WEB — Website relaunch:

				  • Design <v2> (high, due 2026-12-01, estimate 8 h, billable)
				  • Admin (normal, non-billable)

				Log your time at https://ledgerflow.test/

				— Ledgerflow
				""");
		assertThat(bodies.html()).contains("Hello <span>Müller &amp; &lt;Söhne&gt;</span>,", "2 tasks",
				"Design &lt;v2&gt;", "2026-12-01", "8 h", "(non-billable)", "href=\"https://ledgerflow.test/\"")
			.doesNotContain("<Söhne>", "<v2>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "reminder-heads-up", "reminder-overdue", "reminder-escalation", "reminder-final-notice" })
	void mentionsTheLateFeeOfTheStepAndItsSeparateInvoiceOnlyWhenOneIsCharged(String name) {
		Map<String, Object> model = new HashMap<>(Map.of("client", CLIENT, "number", "2026-0042", "company",
				"Ledgerflow Demo Consulting", "balance", "226.63 USD", "dueDate", DUE, "paymentLink", LINK));
		model.put("lateFee", "28.40 USD");

		MailTemplates.Bodies charged = templates.render(name, model);

		assertThat(charged.text()).contains("\nPay online: " + LINK + "\n\nA late fee of 28.40 USD is charged with this "
				+ "reminder. It is not part of the open balance above: a separate invoice for it follows.\n\n");
		assertEscapedHtml(charged.html(), "A late fee of <strong>28.40 USD</strong> is",
				"a separate invoice for it follows.");
		model.put("lateFee", null);
		MailTemplates.Bodies none = templates.render(name, model);
		assertThat(none.text()).doesNotContainIgnoringCase("late fee");
		assertThat(none.html()).doesNotContainIgnoringCase("late fee");
	}

	@Test
	void refusesAnUnknownTemplate() {
		assertThatThrownBy(() -> templates.render("no-such-letter", Map.of()))
			.isInstanceOf(TemplateInputException.class);
	}

	private static void preview(String name, MailTemplates.Bodies bodies) throws IOException {
		Path preview = Path.of("target", "mail-preview", name + ".html");
		Files.createDirectories(preview.getParent());
		Files.writeString(preview, bodies.html());
	}

	private static void assertEscapedHtml(String html, String... contains) {
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains(contains)
			.contains("Dear <span>Müller &amp; &lt;Söhne&gt;</span>,")
			.contains("2026-12-24")
			.contains("href=\"https://ledgerflow.test/invoices/view/abc?x=1&amp;y=2\"", ">Pay online</a>")
			.doesNotContain("<Söhne>", " th:", "xmlns:th", "${");
	}

}
