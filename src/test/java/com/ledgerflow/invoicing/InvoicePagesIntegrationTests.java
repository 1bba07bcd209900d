package com.ledgerflow.invoicing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestMailServer;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.mail.MimeParts;
import com.ledgerflow.mail.smtp.OutboxDeliveries;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static com.ledgerflow.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice pages over HTTP: the client-facing page by token (no login; unknown tokens and drafts are 404), the
 * stored PDF that the e-mail, the page and the staff download all serve, the staff list's filters and who may see it,
 * and a draft's review on its page.
 */
@IntegrationTest
class InvoicePagesIntegrationTests extends InvoiceTestSupport {

	private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${ledgerflow.base-url}")
	String baseUrl;

	GreenMail greenMail = TestMailServer.greenMail();

	@BeforeEach
	void users() {
		TestUsers.ensure(staff);
	}

	@Test
	void theLinkOfAnInvoiceOnTheLocalLedgerIsItsPublicPageWhichOpensWithoutLoginAndShowsTheAmountDue() {
		Invoice invoice = sent(newClient(), OCTOBER, 120);

		assertThat(invoice.paymentLink()).hasToString(baseUrl + "/invoices/view/" + invoice.publicToken());
		assertThat(invoice.publicToken()).hasSizeGreaterThanOrEqualTo(43);
		HttpResponse<String> page = new TestBrowser(port).get(URI.create(invoice.paymentLink().toString()).getPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"amount-due\">326.63 USD<", "Invoice", invoice.number(),
				"Ledgerflow Demo Consulting", "Design", "Please pay by bank transfer", "Download PDF")
			.doesNotContain("lf-nav");
	}

	@Test
	void anUnknownTokenAndADraftHaveNoPublicPage() {
		Invoice sent = sent(newClient(), OCTOBER, 60);
		Invoice draft = drafted(newClient(), OCTOBER, 60);
		TestBrowser anonymous = new TestBrowser(port);

		HttpResponse<String> wrong = anonymous.get("/invoices/view/" + sent.publicToken().substring(1) + "A");
		assertThat(wrong.statusCode()).isEqualTo(404);
		assertThat(wrong.body()).contains("Invoice not found").doesNotContain(sent.number());
		assertThat(anonymous.get("/invoices/view/" + draft.publicToken()).statusCode()).isEqualTo(404);
		assertThat(anonymous.getBytes("/invoices/view/" + draft.publicToken() + "/pdf").statusCode()).isEqualTo(404);
		assertThat(anonymous.getBytes("/invoices/view/nope/pdf").statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/invoices/" + sent.id()).statusCode()).as("the staff page wants a login")
			.isEqualTo(302);
	}

	@Test
	void theEmailedPdfIsTheStoredOneWhichEveryDownloadServesAndWhichCarriesThePaymentLink() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		Invoice invoice = sent(newClient(), OCTOBER, 90);
		StoredPdf stored = documents.stored(invoice.id()).orElseThrow();

		assertThat(documents.store(invoice.id())).as("rendering again keeps the first")
			.satisfies(again -> assertThat(again.sha256()).isEqualTo(stored.sha256()))
			.satisfies(again -> assertThat(again.createdAt()).isEqualTo(stored.createdAt()));
		OutboxDeliveries.deliverAllDue(context);
		assertThat(MimeParts.attachment(awaitMail(invoice.number()))).isEqualTo(stored.content());
		HttpResponse<byte[]> publicPdf = new TestBrowser(port)
			.getBytes("/invoices/view/" + invoice.publicToken() + "/pdf");
		assertThat(publicPdf.statusCode()).isEqualTo(200);
		assertThat(publicPdf.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(publicPdf.body()).isEqualTo(stored.content());
		HttpResponse<byte[]> staffPdf = TestBrowser.loggedIn(port, TestUsers.FINANCE)
			.getBytes("/invoices/" + invoice.id() + "/pdf");
		assertThat(staffPdf.body()).isEqualTo(stored.content());
		try (PDDocument pdf = Loader.loadPDF(stored.content())) {
			String link = invoice.paymentLink().toString();
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains(link);
			assertThat(pdf.getPage(pdf.getNumberOfPages() - 1).getAnnotations())
				.filteredOn(PDAnnotationLink.class::isInstance)
				.extracting(annotation -> ((PDActionURI) ((PDAnnotationLink) annotation).getAction()).getURI())
				.contains(link);
		}
		// kept for a person to look at (pdftoppm)
		Path kept = Path.of("target", "invoice-pdfs", "invoice-" + invoice.number() + ".pdf");
		Files.createDirectories(kept.getParent());
		Files.write(kept, stored.content());
	}

	@Test
	void theListFiltersByClientProjectStatusAndMonth() {
		UUID client = newClient();
		Invoice october = sent(client, OCTOBER, 60);
		Invoice september = drafted(client, SEPTEMBER, 30);
		Invoice elsewhere = drafted(newClient(), SEPTEMBER, 30);
		TestBrowser manager = TestBrowser.loggedIn(port, TestUsers.MANAGER);

		assertThat(rows(manager, "?clientId=" + client)).contains(row(october), row(september))
			.doesNotContain(row(elsewhere));
		assertThat(rows(manager, "?projectId=" + september.projectId())).contains(row(september))
			.doesNotContain(row(october), row(elsewhere));
		assertThat(rows(manager, "?clientId=" + client + "&status=DRAFT")).contains(row(september))
			.doesNotContain(row(october));
		assertThat(rows(manager, "?clientId=" + client + "&period=2026-10")).contains(row(october))
			.doesNotContain(row(september));
		String sentRow = rowOf(rows(manager, "?clientId=" + client + "&status=SENT"), october);
		assertThat(sentRow).contains(october.number(), "SENT", "163.31 USD", "posted · I-" + october.id(),
				"2026-10-01", "2026-10-31");
		assertThat(rowOf(rows(manager, "?clientId=" + client), september)).contains("Draft", "not posted");
	}

	@Test
	void consultantsMayNotOpenTheInvoicePagesManagersAndFinanceMay() {
		Invoice invoice = sent(newClient(), OCTOBER, 60);
		TestBrowser consultant = TestBrowser.loggedIn(port, TestUsers.CONSULTANT);

		assertThat(consultant.get("/invoices").statusCode()).isEqualTo(403);
		assertThat(consultant.get("/invoices/" + invoice.id()).statusCode()).isEqualTo(403);
		assertThat(consultant.getBytes("/invoices/" + invoice.id() + "/pdf").statusCode()).isEqualTo(403);
		assertThat(TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/invoices/" + invoice.id()).statusCode())
			.isEqualTo(200);
		HttpResponse<String> detail = TestBrowser.loggedIn(port, TestUsers.MANAGER).get("/invoices/" + invoice.id());
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains(invoice.number(), invoice.paymentLink().toString(), "Download PDF",
				"posted · I-" + invoice.id());
	}

	@Test
	void aManagerWritesTimeOffAndAddsADiscountOnTheDraftsPage() {
		Invoice draft = drafted(newClient(), OCTOBER, 60, 45);
		TestBrowser manager = TestBrowser.loggedIn(port, TestUsers.MANAGER);
		String page = "/invoices/" + draft.id();
		assertThat(manager.get(page).body()).contains("Review invoice", "Write off", "1.00", "0.75");
		UUID entry = invoices.items(draft.id())
			.stream()
			.filter(item -> item.type() == InvoiceItemType.TIME_ENTRY)
			.filter(item -> jdbc.queryForObject("select minutes from time_entry where id = ?", Integer.class,
					item.itemId()) == 45)
			.findFirst()
			.orElseThrow()
			.itemId();

		HttpResponse<String> writeOff = manager.post(page + "/write-offs",
				Map.of("timeEntryId", entry.toString(), "reason", "Onboarding", "_csrf", manager.csrfToken(page)));
		assertThat(writeOff.statusCode()).isEqualTo(302);
		assertThat(invoices.get(draft.id()).subtotal()).isEqualByComparingTo("150.00");
		manager.post(page + "/discounts",
				Map.of("description", "Loyalty", "amount", "10.00", "_csrf", manager.csrfToken(page)));
		HttpResponse<String> refused = manager.post(page + "/discounts",
				Map.of("description", "Too much", "amount", "-1", "_csrf", manager.csrfToken(page)));
		assertThat(refused.statusCode()).isEqualTo(302);

		assertThat(invoices.get(draft.id()).subtotal()).isEqualByComparingTo("140.00");
		assertThat(manager.get(page).body()).contains("Onboarding", "Loyalty", "-10.00",
				"Amount: must be a positive amount");
		manager.post(page + "/descriptions", Map.of("position", "1", "description", "Discovery workshop, October",
				"_csrf", manager.csrfToken(page)));
		assertThat(invoices.get(draft.id()).lines().get(0).description()).isEqualTo("Discovery workshop, October");
		assertThat(manager.get(page).body()).contains("Line 1 reworded.", "Discovery workshop, October");
	}

	private static String rows(TestBrowser browser, String query) {
		HttpResponse<String> page = browser.get("/invoices" + query);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	private static String row(Invoice invoice) {
		return "id=\"invoice-" + invoice.id() + "\"";
	}

	private static String rowOf(String page, Invoice invoice) {
		int start = page.indexOf(row(invoice));
		assertThat(start).as("row of %s", invoice.id()).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
