package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestMailServer;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.PaymentEntry;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseBooking;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.mail.MimeParts;
import com.ledgerflow.mail.smtp.OutboxDeliveries;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.payment.SentInvoices;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeBooking;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryFixture;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.ledgerflow.workflow.ProcessJobs;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.ledgerflow.workflow.ProcessJobs.executeDueJobs;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.TASK_SET_UP_ACCOUNTING;
import static com.ledgerflow.workflow.ProjectLifecycleProcess.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The app itself on {@code ledgerflow.accounting.provider=qbo}, pointed at a {@link FakeQbo} (API and OAuth token
 * endpoint), connected through the real code exchange: what finance sees end to end. The one Spring context besides
 * the shared {@code @IntegrationTest} one (its own embedded database and engine, closed after the class); the
 * schedulers are slowed down so the tests drive the CDC poll and the inbox themselves, as they drive Camunda's jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ledgerflow.accounting.provider=qbo", "ledgerflow.accounting.qbo.client-id=e2e-client",
				"ledgerflow.accounting.qbo.client-secret=e2e-secret",
				"ledgerflow.accounting.qbo.inbound-poll-interval=PT1H", "ledgerflow.accounting.qbo.cdc-interval=PT1H",
				"camunda.bpm.process-engine-name=qboProvider",
				// the webapps keep static state (one per JVM): the shared context's must stay theirs
				"camunda.bpm.webapp.enabled=false" })
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestMailServer.class)
@DirtiesContext
@RecordApplicationEvents
class QboProviderIntegrationTests extends ApiTestSupport {

	private static final String SYNC_PAGE = "/accounting/sync";

	/** As in application-test.yaml. */
	private static final String VERIFIER_TOKEN = "test-verifier-token";

	private static final FakeQbo fake = FakeQbo.start();

	@DynamicPropertySource
	static void pointAtTheFake(DynamicPropertyRegistry registry) {
		registry.add("ledgerflow.accounting.qbo.base-url", () -> fake.baseUrl().toString());
		registry.add("ledgerflow.accounting.qbo.token-url", () -> fake.tokenUrl().toString());
	}

	@AfterAll
	static void stopTheFake() {
		fake.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	QboConnections connections;

	@Autowired
	AccountingSync sync;

	@Autowired
	AccountingSystem accounting;

	@Autowired
	QboInboundChanges inbox;

	@Autowired
	QboCdcPoll cdc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ProjectTeam team;

	@Autowired
	PersonService people;

	@Autowired
	TimeEntryService timeEntries;

	@Autowired
	TimesheetService timesheets;

	@Autowired
	TimeBooking timeBooking;

	@Autowired
	ExpenseService expenses;

	@Autowired
	ExpenseBooking expenseBooking;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoicePosting posting;

	@Autowired
	PaymentService payments;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ApplicationContext context;

	@Autowired
	IncompleteEventPublications incompletePublications;

	GreenMail greenMail = TestMailServer.greenMail();

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@Value("${ledgerflow.base-url}")
	String baseUrl;

	private final HttpClient webhookClient = HttpClient.newHttpClient();

	@BeforeEach
	void connectQuickBooks() {
		TestUsers.ensure(accounts);
		if (connections.connection().isEmpty()) {
			// what the OAuth callback does with Intuit's code: exchanged at the (fake) token endpoint
			connections.connect(fake.authorizationCode(), FakeQbo.REALM_ID, "e2e-finance");
		}
	}

	@Test
	void aConfirmedProjectBecomesACustomerWithAJobInQuickBooks() {
		String clientName = unique("Northwind");
		UUID project = newProject(newClient(clientName), newPerson(), "TIME_AND_MATERIALS");
		String code = get("/api/v1/projects/" + project).read("$.code");

		post("/api/v1/projects/" + project + "/confirm", "").expect(202);
		executeJobAt(management, awaitInstance(project), TASK_SET_UP_ACCOUNTING);

		JsonNode customer = fake.customers()
			.stream()
			.filter(node -> node.path("DisplayName").asText().equals(clientName))
			.findFirst()
			.orElseThrow();
		JsonNode job = fake.customers()
			.stream()
			.filter(node -> node.path("ParentRef").path("value").asText().equals(customer.path("Id").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(customer.path("Job").asBoolean()).isFalse();
		assertThat(job.path("Job").asBoolean()).isTrue();
		assertThat(job.path("DisplayName").asText()).isEqualTo(code + " Website relaunch");
		assertThat(sync.externalRef("PROJECT", project)).contains(new ExternalRef(job.path("Id").asText()));
		assertThat(fake.tokenRequests()).as("connected through the code exchange")
			.anySatisfy(request -> assertThat(request).containsEntry("grant_type", "authorization_code"));
	}

	@Test
	void aPaymentMadeInQuickBooksArrivesByWebhookAndShowsOnTheSyncPage() {
		UUID invoice = UUID.randomUUID();
		ExternalRef posted = postInvoice(invoice);
		String payment = fake.addPayment(posted.value(), new BigDecimal("40.00"));

		byte[] body = notification(FakeQbo.REALM_ID, payment);
		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);
		assertThat(source(payment)).isEqualTo("WEBHOOK");
		inbox.processPending(); // what QboInboundPoller does every few seconds

		assertThat(events.stream(AccountingChangeReceived.class))
			.contains(new AccountingChangeReceived("Payment", payment, "Create"));
		assertThat(receivedRow(payment)).contains("INVOICE " + invoice, "40.00", "WEBHOOK");
	}

	@Test
	void aPaymentMadeInQuickBooksArrivesByTheCdcPollWhenNoWebhookCame() {
		UUID invoice = UUID.randomUUID();
		ExternalRef posted = postInvoice(invoice);
		String payment = fake.addPayment(posted.value(), new BigDecimal("25.50"));

		assertThat(cdc.poll().polled()).isTrue();
		assertThat(source(payment)).isEqualTo("CDC");
		inbox.processPending();

		assertThat(events.stream(AccountingChangeReceived.class))
			.contains(new AccountingChangeReceived("Payment", payment, "Create"));
		assertThat(receivedRow(payment)).contains("INVOICE " + invoice, "25.50", "CDC");
	}

	@Test
	void aPaymentOfAPostedInvoiceMadeInQuickBooksIsRecordedOnceThoughWebhookAndCdcBothDeliverIt() {
		UUID person = newPerson();
		UUID project = newProject(newClient(unique("Contoso")), person, "TIME_AND_MATERIALS");
		Invoice invoice = new SentInvoices(jdbc, drafting, invoices, posting).sent(project, person, 60, "100.00");
		ExternalRef posted = sync.externalRef("INVOICE", invoice.id()).orElseThrow();
		String payment = fake.addPayment(posted.value(), new BigDecimal("40.00"));

		byte[] body = notification(FakeQbo.REALM_ID, payment);
		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);
		assertThat(cdc.poll().polled()).isTrue();
		// the CDC poll saw the same change (same LastUpdatedTime: one row); one seen at another time is a second row
		inbox.record(List.of(new QboInboundChange(FakeQbo.REALM_ID, "Payment", payment, "Create",
				java.time.Instant.now().plusSeconds(5))), QboInboundChange.Source.CDC);
		assertThat(source(payment)).isEqualTo("CDC,WEBHOOK");
		while (inbox.processPending() > 0) {
			// what QboInboundPoller does every few seconds
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
					+ "and event_type like '%AccountingChangeReceived'", Integer.class) == 0);

		List<Map<String, Object>> recorded = jdbc
			.queryForList("select origin, amount, invoice_id, recorded_by from payment where external_id = ?", payment);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0)).containsEntry("origin", "QBO")
			.containsEntry("invoice_id", invoice.id())
			.containsEntry("recorded_by", "qbo");
		assertThat((BigDecimal) recorded.get(0).get("amount")).isEqualByComparingTo("40.00");
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("68.88");
		assertThat(jdbc.queryForObject(
				"select count(*) from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
				Integer.class, payment)).isZero();
	}

	@Test
	void aPaymentRecordedInLedgerflowIsBookedInQuickBooksOnceAndItsEchoIsNotRecordedAgain() {
		Invoice invoice = sentInvoice(); // 108.88
		String qboInvoice = sync.externalRef("INVOICE", invoice.id()).orElseThrow().value();
		LocalDate paidOn = LocalDate.now(zone).minusDays(1);

		UUID payment = recordPayment(invoice, "50.00", paidOn, "CHK-2041");

		String booked = awaitBooked(payment);
		assertThat(bookedFor(payment)).as("QuickBooks payments booked for %s", payment)
			.extracting(node -> node.path("Id").asText())
			.containsExactly(booked);
		JsonNode inQuickBooks = fake.entity("Payment", booked).orElseThrow();
		assertThat(inQuickBooks.path("CustomerRef").path("value").asText())
			.isEqualTo(fake.entity("Invoice", qboInvoice).orElseThrow().path("CustomerRef").path("value").asText());
		assertThat(inQuickBooks.path("TotalAmt").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(inQuickBooks.path("TxnDate").asText()).isEqualTo(paidOn.toString());
		assertThat(inQuickBooks.path("PaymentRefNum").asText()).isEqualTo("CHK-2041");
		assertThat(inQuickBooks.path("Line")).hasSize(1);
		assertThat(inQuickBooks.path("Line").get(0).path("Amount").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(inQuickBooks.path("Line").get(0).path("LinkedTxn").get(0).path("TxnId").asText())
			.isEqualTo(qboInvoice);
		assertThat(inQuickBooks.path("Line").get(0).path("LinkedTxn").get(0).path("TxnType").asText())
			.isEqualTo("Invoice");
		assertThat(fake.entity("Invoice", qboInvoice).orElseThrow().path("Balance").decimalValue())
			.isEqualByComparingTo("58.88");
		assertThat(accountingState(invoice)).containsEntry("state", "PUSHED").containsEntry("externalId", booked);
		assertThat(paymentRow(payment)).contains("data-accounting=\"PUSHED\"", "pushed · " + booked);

		// the echo: QuickBooks reports the payment by webhook and CDC
		byte[] body = notification(FakeQbo.REALM_ID, booked);
		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);
		assertThat(cdc.poll().polled()).isTrue();
		handleInbox();
		assertThat(events.stream(AccountingChangeReceived.class))
			.contains(new AccountingChangeReceived("Payment", booked, "Create"));
		assertThat(jdbc.queryForList("select origin from payment where invoice_id = ?", String.class, invoice.id()))
			.containsExactly("API");
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("58.88");
		assertThat(jdbc.queryForObject(
				"select count(*) from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
				Integer.class, booked)).isZero();
	}

	/**
	 * A crash after QuickBooks booked the payment and before Ledgerflow committed its answer: the echo arrives while
	 * the link has no QuickBooks id yet, and is still recognised by the note naming the payment; the push again
	 * replays the first booking.
	 */
	@Test
	void theEchoOfAPaymentWhoseBookingWasNotCommittedYetIsNotRecordedEither() {
		Invoice invoice = sentInvoice();
		ExternalRef qboInvoice = sync.externalRef("INVOICE", invoice.id()).orElseThrow();
		PaymentEntry payment = new PaymentEntry(UUID.randomUUID(), invoice.id(), new BigDecimal("30.00"),
				new BigDecimal("30.00"), LocalDate.now(zone), "CHK-77");
		// what AccountingSync.pushPayment commits before its call: the link without the QuickBooks id
		jdbc.update("""
				insert into external_link (id, system, entity_type, local_id, attempts, rejections)
				values (?, 'qbo', 'PAYMENT', ?, 0, 0)""", UUID.randomUUID(), payment.localId());
		ExternalRef booked = accounting.pushPayment(payment, qboInvoice, 0); // the answer is lost in the crash

		byte[] body = notification(FakeQbo.REALM_ID, booked.value());
		deliver(body);
		assertThat(events.stream(AccountingChangeReceived.class))
			.contains(new AccountingChangeReceived("Payment", booked.value(), "Create"));

		assertThat(payments.of(invoice.id())).as("nothing recorded from the echo").isEmpty();
		assertThat(sync.pushPayment(payment)).as("pushed again: the first booking").isEqualTo(booked);
		assertThat(bookedFor(payment.localId())).hasSize(1);
	}

	/**
	 * QuickBooks down for the push's first delivery, then its answer lost: QuickBooks saved the payment and answered
	 * 503 (every attempt of the delivery replayed by the same {@code requestid}, and lost too). The event is delivered
	 * again and replays the saved payment: QuickBooks holds it once.
	 */
	@Test
	void whileQuickBooksIsDownOrItsAnswerIsLostAPaymentWaitsAndIsThenBookedExactlyOnceWithTheOverpaymentUnapplied() {
		Invoice invoice = sentInvoice(); // 108.88
		String qboInvoice = sync.externalRef("INVOICE", invoice.id()).orElseThrow().value();
		fake.failNext(503, 4); // every attempt of the push's first call (QboRetryPolicy: 4 in all)

		UUID payment = recordPayment(invoice, "120.00", LocalDate.now(zone), null);

		await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(payment) == 1);
		assertThat(accountingState(invoice)).containsEntry("state", "FAILED");
		assertThat(accountingState(invoice).get("error")).isNotNull();
		assertThat(bookedFor(payment)).as("nothing booked while QuickBooks is down").isEmpty();
		assertThat(payments.balance(invoice.id()).paidInFull()).as("recorded in Ledgerflow all the same").isTrue();
		assertThat(paymentRow(payment)).contains("data-accounting=\"FAILED\"");

		// QuickBooks is back but the answers to this delivery's create are lost: saved once, replayed, answered 503
		long creates = paymentCreates(payment);
		fake.loseAnswersToNextCreates("Payment", 4);
		incompletePublications.resubmitIncompletePublicationsOlderThan(Duration.ZERO); // IncompleteEventRetry
		await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(payment) == 2);
		assertThat(paymentCreates(payment)).as("every attempt of the delivery sent the create").isEqualTo(creates + 4);
		assertThat(bookedFor(payment)).as("saved in QuickBooks though its answer was lost").hasSize(1);
		assertThat(sync.externalRef("PAYMENT", payment)).as("the answer never arrived").isEmpty();
		assertThat(accountingState(invoice)).containsEntry("state", "FAILED");

		incompletePublications.resubmitIncompletePublicationsOlderThan(Duration.ZERO); // IncompleteEventRetry
		await().atMost(Duration.ofSeconds(30)).until(() -> sync.externalRef("PAYMENT", payment).isPresent());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
					+ "and listener_id like '%PaymentBooking%'", Integer.class) == 0);

		assertThat(paymentCreates(payment)).as("the create sent again").isEqualTo(creates + 5);
		List<JsonNode> booked = bookedFor(payment);
		assertThat(booked).as("booked exactly once").hasSize(1);
		JsonNode inQuickBooks = booked.get(0);
		assertThat(inQuickBooks.path("Id").asText()).isEqualTo(sync.externalRef("PAYMENT", payment).orElseThrow().value());
		assertThat(inQuickBooks.path("TotalAmt").decimalValue()).isEqualByComparingTo("120.00");
		assertThat(inQuickBooks.path("Line").get(0).path("Amount").decimalValue()).isEqualByComparingTo("108.88");
		assertThat(inQuickBooks.path("UnappliedAmt").decimalValue()).isEqualByComparingTo("11.12");
		assertThat(fake.entity("Invoice", qboInvoice).orElseThrow().path("Balance").decimalValue())
			.isEqualByComparingTo("0.00");
		assertThat(accountingState(invoice)).containsEntry("state", "PUSHED").doesNotContainKey("error");
	}

	/**
	 * A refused booking waits for finance (the event does not retry it); "Push again" on the payments page sends it
	 * once more under the next requestid generation, and asking again (the API, a second click) sends nothing.
	 */
	@Test
	void aPaymentQuickBooksRefusedIsPushedAgainByFinanceOnceUnderTheNextRequestId() {
		Invoice invoice = sentInvoice(); // 108.88
		String qboInvoice = sync.externalRef("INVOICE", invoice.id()).orElseThrow().value();
		fake.rejectNext("Payment", "6000", 1);

		UUID payment = recordPayment(invoice, "40.00", LocalDate.now(zone), "CHK-6000");

		await().atMost(Duration.ofSeconds(30)).until(() -> accountingState(invoice).get("state").equals("FAILED"));
		assertThat(accountingState(invoice).get("error")).asString().contains("(6000)");
		assertThat(bookedFor(payment)).as("nothing booked after the refusal").isEmpty();
		incompletePublications.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		assertThat(paymentWrites(payment)).as("a refusal is not retried by itself").hasSize(1);
		assertThat(paymentRow(payment)).contains("data-accounting=\"FAILED\"", "Push again",
				"action=\"/payments/" + payment + "/accounting/retry\"");
		assertThat(callAs(TestUsers.CONSULTANT, HttpMethod.POST, "/api/v1/payments/" + payment + "/accounting/retry",
				"").status()).isEqualTo(403);
		assertThat(callAs(MANAGER, HttpMethod.POST, "/api/v1/payments/" + payment + "/accounting/retry", "").status())
			.isEqualTo(403);
		Matcher failure = Pattern.compile("data-local-id=\"" + payment + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(TestBrowser.loggedIn(port, TestUsers.FINANCE).get(SYNC_PAGE).body());
		assertThat(failure.find()).as("failure row of the payment on the sync page").isTrue();
		assertThat(failure.group(1)).contains("PAYMENT", "(6000)", "Push again",
				"action=\"/payments/" + payment + "/accounting/retry\"");
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		assertThat(finance.post("/payments/" + payment + "/accounting/retry", Map.of()).statusCode())
			.as("without the CSRF token").isEqualTo(403);

		var pushed = finance.post("/payments/" + payment + "/accounting/retry",
				Map.of("_csrf", finance.csrfToken("/payments")));

		assertThat(pushed.statusCode()).isEqualTo(302);
		assertThat(pushed.headers().firstValue("Location").orElseThrow()).endsWith("/payments");
		String booked = sync.externalRef("PAYMENT", payment).orElseThrow().value();
		assertThat(finance.get("/payments").body()).contains("Pushed again: the payment is booked in accounting as "
				+ booked);
		assertThat(paymentRow(payment)).contains("data-accounting=\"PUSHED\"", "pushed · " + booked)
			.doesNotContain("Push again");
		String key = payment.toString().replace("-", "");
		assertThat(paymentWrites(payment)).extracting(request -> request.params().get("requestid"))
			.containsExactly("payment:" + key + ":create", "payment:" + key + ":r1:create");
		assertThat(bookedFor(payment)).extracting(node -> node.path("Id").asText()).containsExactly(booked);
		assertThat(fake.entity("Invoice", qboInvoice).orElseThrow().path("Balance").decimalValue())
			.isEqualByComparingTo("68.88");

		Map<String, Object> again = callAs(TestUsers.FINANCE, HttpMethod.POST,
				"/api/v1/payments/" + payment + "/accounting/retry", "").expect(200).read("$");
		assertThat(again).containsEntry("state", "PUSHED").containsEntry("externalId", booked);
		assertThat(paymentWrites(payment)).as("nothing sent for a booked payment").hasSize(2);
	}

	/**
	 * The recent list stops at the 25 payments recorded last; a refused booking of an older payment is listed above it
	 * all the same, with its "Push again", until it is booked.
	 */
	@Test
	void aRefusedPaymentOlderThanTheRecentOnesIsListedForAttentionAndPushedAgainFromThere() {
		Invoice invoice = sentInvoice();
		fake.rejectNext("Payment", "6000", 1);
		UUID payment = recordPayment(invoice, "20.00", LocalDate.now(zone), "OLD-6000");
		await().atMost(Duration.ofSeconds(30)).until(() -> accountingState(invoice).get("state").equals("FAILED"));
		// recorded long ago, and 25 payments recorded since (booked by hand before payments were booked: pending)
		jdbc.update("update payment set recorded_at = timestamp '2020-01-02 10:00:00+00' where id = ?", payment);
		for (int i = 0; i < 25; i++) {
			jdbc.update("""
					insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date,
					  method, origin, recorded_at, recorded_by)
					values (?, ?, ?, 0.01, 0.01, 'USD', current_date, 'CHECK', 'MANUAL',
					  timestamp '2021-01-02 10:00:00+00', 'fiona')""", UUID.randomUUID(), invoice.id(),
					invoice.clientId());
		}
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String page = finance.get("/payments").body();
		assertThat(page).as("not among the recent payments").doesNotContain("id=\"payment-" + payment + "\"");

		assertThat(attentionRow(page, payment)).contains("data-accounting=\"FAILED\"", "(6000)", "OLD-6000",
				"Push again", "action=\"/payments/" + payment + "/accounting/retry\"");

		var pushed = finance.post("/payments/" + payment + "/accounting/retry",
				Map.of("_csrf", finance.csrfToken("/payments")));
		assertThat(pushed.statusCode()).isEqualTo(302);
		String booked = sync.externalRef("PAYMENT", payment).orElseThrow().value();
		String after = finance.get("/payments").body();
		assertThat(after).contains("Pushed again: the payment is booked in accounting as " + booked)
			.doesNotContain("attention-payment-" + payment);
		assertThat(bookedFor(payment)).hasSize(1);
	}

	@Test
	void pushingAgainAPaymentRefusedAgainKeepsItFailedWithTheNewReasonAndTheNextKey() {
		Invoice invoice = sentInvoice();
		fake.rejectNext("Payment", "6000", 2);
		UUID payment = recordPayment(invoice, "10.00", LocalDate.now(zone), null);
		await().atMost(Duration.ofSeconds(30)).until(() -> accountingState(invoice).get("state").equals("FAILED"));

		Map<String, Object> refused = callAs(TestUsers.FINANCE, HttpMethod.POST,
				"/api/v1/payments/" + payment + "/accounting/retry", "").expect(200).read("$");
		Map<String, Object> pushed = callAs(TestUsers.FINANCE, HttpMethod.POST,
				"/api/v1/payments/" + payment + "/accounting/retry", "").expect(200).read("$");

		assertThat(refused).containsEntry("state", "FAILED");
		assertThat(refused.get("error")).asString().contains("(6000)");
		assertThat(pushed).containsEntry("state", "PUSHED");
		String key = payment.toString().replace("-", "");
		assertThat(paymentWrites(payment)).extracting(request -> request.params().get("requestid"))
			.containsExactly("payment:" + key + ":create", "payment:" + key + ":r1:create",
					"payment:" + key + ":r2:create");
		assertThat(bookedFor(payment)).hasSize(1);
	}

	@Test
	void aPaymentThatDidNotFailOrCameFromQuickBooksIsNotPushedAgain() {
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/payments/" + UUID.randomUUID() + "/accounting/retry", "")
			.expect(404);
		// recorded before payments were booked: no link, entered in QuickBooks by hand
		Invoice invoice = sentInvoice();
		UUID unbooked = UUID.randomUUID();
		jdbc.update("""
				insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date, method,
				  origin, recorded_at, recorded_by)
				values (?, ?, ?, 5.00, 5.00, 'USD', current_date, 'CHECK', 'MANUAL', now(), 'fiona')""", unbooked,
				invoice.id(), invoice.clientId());
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/payments/" + unbooked + "/accounting/retry", "")
			.expect(409);
		assertThat(paymentWrites(unbooked)).isEmpty();
		UUID fromQuickBooks = UUID.randomUUID();
		jdbc.update("""
				insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date, method,
				  origin, external_id, recorded_at, recorded_by)
				values (?, ?, ?, 5.00, 5.00, 'USD', current_date, 'OTHER', 'QBO', '9999', now(), 'qbo')""", fromQuickBooks,
				invoice.id(), invoice.clientId());
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/payments/" + fromQuickBooks + "/accounting/retry", "")
			.expect(409);
	}

	/**
	 * 120.00 on an invoice of 108.88 is booked with 11.12 unapplied in QuickBooks (the client's credit in Ledgerflow).
	 * Finance applies that credit to the client's next invoice in QuickBooks: the same payment, updated with a line.
	 * Ledgerflow records it as a payment of that invoice from the client's credit, once however often it is delivered;
	 * a change of the booked line is listed as not taken over.
	 */
	@Test
	void theUnappliedRestOfABookedPaymentAppliedToAnotherInvoiceInQuickBooksPaysThatInvoiceFromTheClientsCredit() {
		UUID person = newPerson();
		UUID client = newClient(unique("Contoso"));
		UUID project = newProject(client, person, "TIME_AND_MATERIALS");
		SentInvoices sent = new SentInvoices(jdbc, drafting, invoices, posting);
		Invoice first = sent.sent(project, person, 60, "100.00"); // 108.88
		Invoice second = sent.sent(project, person, 60, "10.00"); // 10.89
		UUID payment = recordPayment(first, "120.00", LocalDate.now(zone), "WIRE-88");
		String booked = awaitBooked(payment);
		assertThat(clientCredit(client)).isEqualByComparingTo("11.12");

		String qboSecond = sync.externalRef("INVOICE", second.id()).orElseThrow().value();
		fake.applyUnapplied(booked, qboSecond, second.total());
		deliver(notification(FakeQbo.REALM_ID, "Payment", booked, "Update"));

		List<Map<String, Object>> recorded = jdbc.queryForList(
				"select origin, invoice_id, amount, applied_amount from payment where external_id = ?", booked);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0)).containsEntry("origin", "QBO").containsEntry("invoice_id", second.id());
		assertThat((BigDecimal) recorded.get(0).get("amount")).isEqualByComparingTo(second.total());
		assertThat((BigDecimal) recorded.get(0).get("applied_amount")).isEqualByComparingTo(second.total());
		assertThat(payments.balance(second.id()).paidInFull()).as("no longer open, not dunned").isTrue();
		assertThat(jdbc.queryForList("select origin from payment where invoice_id = ?", String.class, first.id()))
			.containsExactly("API");
		assertThat(clientCredit(client)).as("the credit used").isEqualByComparingTo(new BigDecimal("11.12")
			.subtract(second.total()));
		assertThat(unmatchedReason(booked)).isEmpty();

		// the same change delivered again, by the CDC poll: nothing more
		assertThat(cdc.poll().polled()).isTrue();
		handleInbox();
		assertThat(jdbc.queryForObject("select count(*) from payment where external_id = ?", Integer.class, booked))
			.isEqualTo(1);
		assertThat(clientCredit(client)).isEqualByComparingTo(new BigDecimal("11.12").subtract(second.total()));

		// a second later (QuickBooks' change times are to the second), finance lowers the booked line in QuickBooks:
		// not taken over, listed for finance
		fake.advanceClock(Duration.ofSeconds(2));
		fake.changePaymentLine(booked, 0, new BigDecimal("100.00"));
		assertThat(cdc.poll().polled()).isTrue();
		handleInbox();
		assertThat(unmatchedReason(booked)).hasValueSatisfying(reason -> assertThat(reason)
			.contains("applies 100.00 to invoice " + first.id(), "booked 108.88"));
		assertThat(payments.balance(first.id()).paidInFull()).as("the recorded payment stays").isTrue();
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get(SYNC_PAGE).body();
		assertThat(page.substring(page.indexOf("id=\"sync-unmatched\""))).contains("Payment:" + booked);
	}

	/**
	 * A payment Ledgerflow booked and finance then deleted in QuickBooks (the webhook's Delete, then the CDC poll's
	 * deleted record): listed once on the sync page as not taken over, and Ledgerflow still counts it.
	 */
	@Test
	void aBookedPaymentDeletedInQuickBooksIsListedOnceAsNotTakenOverAndStaysCounted() {
		Invoice invoice = sentInvoice(); // 108.88
		String qboInvoice = sync.externalRef("INVOICE", invoice.id()).orElseThrow().value();
		UUID payment = recordPayment(invoice, "50.00", LocalDate.now(zone), "CHK-DEL");
		String booked = awaitBooked(payment);
		deliver(notification(FakeQbo.REALM_ID, booked)); // its echo: nothing to list
		assertThat(unmatchedReason(booked)).isEmpty();

		fake.advanceClock(Duration.ofSeconds(2)); // QuickBooks' change times are to the second
		fake.deletePayment(booked);
		deliver(notification(FakeQbo.REALM_ID, "Payment", booked, "Delete"));

		String reason = "deleted in QuickBooks; Ledgerflow still counts payment " + payment + " of 50.00 USD on invoice "
				+ invoice.number();
		assertThat(unmatchedReason(booked)).hasValueSatisfying(listed -> assertThat(listed).startsWith(reason));
		assertThat(fake.entity("Invoice", qboInvoice).orElseThrow().path("Balance").decimalValue())
			.as("QuickBooks' invoice owes again").isEqualByComparingTo("108.88");
		// the CDC poll reports the deleted record too: still listed once, for the same reason
		assertThat(cdc.poll().polled()).isTrue();
		handleInbox();
		assertThat(unmatchedRows(booked)).containsExactly(unmatchedReason(booked).orElseThrow());
		assertThat(unmatchedReason(booked)).hasValueSatisfying(listed -> assertThat(listed).startsWith(reason));
		assertThat(payments.of(invoice.id())).as("not deleted in Ledgerflow").extracting(p -> p.id())
			.containsExactly(payment);
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("58.88");
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get(SYNC_PAGE).body();
		assertThat(page.substring(page.indexOf("id=\"sync-unmatched\""))).contains("Payment:" + booked,
				"deleted in QuickBooks; Ledgerflow still counts payment " + payment);
	}

	/**
	 * A payment Ledgerflow booked and finance then voided in QuickBooks (the webhook's Void, then the CDC poll's update
	 * of the zeroed payment): listed once with the void as the reason, and Ledgerflow still counts it.
	 */
	@Test
	void aBookedPaymentVoidedInQuickBooksIsListedOnceAsNotTakenOverAndStaysCounted() {
		Invoice invoice = sentInvoice();
		UUID payment = recordPayment(invoice, "30.00", LocalDate.now(zone), "CHK-VOID");
		String booked = awaitBooked(payment);

		fake.advanceClock(Duration.ofSeconds(2));
		fake.voidPayment(booked);
		deliver(notification(FakeQbo.REALM_ID, "Payment", booked, "Void"));

		String reason = "voided in QuickBooks; Ledgerflow still counts payment " + payment + " of 30.00 USD on invoice "
				+ invoice.number();
		assertThat(unmatchedReason(booked)).hasValueSatisfying(listed -> assertThat(listed).startsWith(reason));
		assertThat(cdc.poll().polled()).isTrue();
		handleInbox();
		assertThat(unmatchedRows(booked)).hasSize(1);
		assertThat(unmatchedReason(booked)).as("the zeroed payment read back says the same")
			.hasValueSatisfying(listed -> assertThat(listed).startsWith(reason));
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("78.88");
	}

	@Test
	void aPaymentInQuickBooksOfAnInvoiceLedgerflowDoesNotKnowIsListedAsNotTakenOver() {
		ExternalRef posted = postInvoice(UUID.randomUUID()); // booked, but no Ledgerflow invoice behind it
		String payment = fake.addPayment(posted.value(), new BigDecimal("12.00"));

		byte[] body = notification(FakeQbo.REALM_ID, payment);
		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);
		inbox.processPending();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForList(
					"select reason from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
					String.class, payment), reasons -> !reasons.isEmpty());
		assertThat(jdbc.queryForObject("select count(*) from payment where external_id = ?", Integer.class, payment))
			.isZero();
	}

	@Test
	void timeEnteredInQuickBooksOnTheProjectsJobArrivesByWebhookAsADraftTimeEntry() {
		UUID consultant = newPerson();
		UUID project = newProject(newClient(unique("Tailspin")), newPerson(), "TIME_AND_MATERIALS");
		team.add(project, consultant);
		ExternalRef job = sync.setUpProject(project);
		String name = people.get(consultant).name();
		int space = name.indexOf(' ');
		ExternalRef employee = sync.pushEmployee(consultant,
				new AccountingPerson(name.substring(0, space), name.substring(space + 1), null));
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		String activity = fake.addTimeActivity(job.value(), employee.value(), yesterday, LocalTime.of(9, 0),
				LocalTime.of(11, 30), "Kick-off workshop");

		byte[] created = notification(FakeQbo.REALM_ID, "TimeActivity", activity, "Create");
		assertThat(webhook(created, sign(created)).statusCode()).isEqualTo(200);
		inbox.processPending();

		await().atMost(Duration.ofSeconds(20)).until(() -> timeEntry(activity).size() == 1);
		assertThat(timeEntry(activity).get(0)).containsEntry("origin", "QBO")
			.containsEntry("status", "DRAFT")
			.containsEntry("person_id", consultant)
			.containsEntry("project_id", project)
			.containsEntry("work_date", java.sql.Date.valueOf(yesterday))
			.containsEntry("minutes", 150)
			.containsEntry("start_time", java.sql.Time.valueOf(LocalTime.of(9, 0)))
			.containsEntry("notes", "Kick-off workshop")
			.containsEntry("billable", true);

		fake.describeTimeActivity(activity, "Kick-off workshop and minutes");
		byte[] updated = notification(FakeQbo.REALM_ID, "TimeActivity", activity, "Update");
		assertThat(webhook(updated, sign(updated)).statusCode()).isEqualTo(200);
		inbox.processPending();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> timeEntry(activity).get(0).get("notes").equals("Kick-off workshop and minutes"));
		assertThat(timeEntry(activity)).as("one entry per time activity").hasSize(1);
	}

	@Test
	void anExpenseEnteredInQuickBooksOnTheProjectsJobArrivesByWebhookAsADraftExpense() {
		UUID manager = newPerson();
		UUID project = newProject(newClient(unique("Northwind")), manager, "TIME_AND_MATERIALS");
		ExternalRef job = sync.setUpProject(project);
		ExternalRef vendor = accounting.upsertVendor(unique("Norton Lumber"));
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		String purchase = fake.addPurchase(job.value(), vendor.value(), yesterday, new BigDecimal("103.55"),
				"Decking boards");

		byte[] created = notification(FakeQbo.REALM_ID, "Purchase", purchase, "Create");
		assertThat(webhook(created, sign(created)).statusCode()).isEqualTo(200);
		inbox.processPending();

		await().atMost(Duration.ofSeconds(20)).until(() -> expenseOf(purchase).size() == 1);
		assertThat(expenseOf(purchase).get(0)).containsEntry("origin", "QBO")
			.containsEntry("status", "DRAFT")
			.containsEntry("external_id", purchase + ":1")
			.containsEntry("person_id", manager)
			.containsEntry("project_id", project)
			.containsEntry("expense_date", java.sql.Date.valueOf(yesterday))
			.containsEntry("category_code", "OTHER")
			.containsEntry("currency", "USD")
			.containsEntry("description", "Decking boards")
			.containsEntry("billable", true)
			.satisfies(row -> {
				assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("103.55");
				assertThat((String) row.get("vendor")).startsWith("Norton Lumber");
			});
	}

	@Test
	void anApprovedWeekIsBookedInQuickBooksAsTimeActivitiesOnTheJobOnce() {
		UUID consultant = newPerson();
		UUID project = newProject(newClient(unique("Contoso")), newPerson(), "TIME_AND_MATERIALS");
		team.add(project, consultant);
		IsoWeek week = IsoWeek.of(LocalDate.now(zone)).previous();
		timeEntries.create(new TimeEntryDetails(consultant, project, null, week.monday(), 150, null, null,
				"Architecture review", null), TimeEntryOrigin.API);
		timesheets.submit(consultant, week);
		timesheets.approve(consultant, week, "e2e-manager");

		var first = timeBooking.bookApproved(consultant, week);
		var again = timeBooking.bookApproved(consultant, week);

		assertThat(again).extracting(outcome -> outcome.ref()).isEqualTo(first.stream().map(o -> o.ref()).toList());
		JsonNode activity = fake.entity("TimeActivity", first.get(0).ref().value()).orElseThrow();
		assertThat(activity.path("CustomerRef").path("value").asText())
			.isEqualTo(sync.externalRef("PROJECT", project).orElseThrow().value());
		assertThat(activity.path("Hours").asInt() * 60 + activity.path("Minutes").asInt()).isEqualTo(150);
		assertThat(activity.path("BillableStatus").asText()).isEqualTo("Billable");
		assertThat(activity.path("HourlyRate").decimalValue()).isEqualByComparingTo("150.00");
		assertThat(activity.path("TxnDate").asText()).isEqualTo(week.monday().toString());
		assertThat(fake.entities("TimeActivity").stream()
			.filter(node -> node.path("Description").asText().equals("Architecture review"))).hasSize(1);
	}

	@Test
	void anApprovedExpenseIsBookedInQuickBooksAsABillablePurchaseOnTheJobOnce() {
		UUID consultant = newPerson();
		UUID project = newProject(newClient(unique("Litware")), newPerson(), "TIME_AND_MATERIALS");
		team.add(project, consultant);
		Expense taxi = expenses.create(new ExpenseDetails(consultant, project, LocalDate.now(zone).minusDays(1),
				"TRAVEL", unique("Yellow Cab"), "Airport to client", new BigDecimal("42.50"), null, null, null, null,
				new BigDecimal("10")), null, ExpenseOrigin.API);
		expenses.submit(taxi.id());
		expenses.approve(taxi.id(), "e2e-manager");

		ExternalRef purchase = expenseBooking.book(taxi.id());
		assertThat(expenseBooking.book(taxi.id())).isEqualTo(purchase);

		JsonNode booked = fake.entity("Purchase", purchase.value()).orElseThrow();
		JsonNode line = booked.path("Line").get(0);
		assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("42.50");
		assertThat(line.path("DetailType").asText()).isEqualTo("AccountBasedExpenseLineDetail");
		assertThat(line.path("AccountBasedExpenseLineDetail").path("CustomerRef").path("value").asText())
			.isEqualTo(sync.externalRef("PROJECT", project).orElseThrow().value());
		assertThat(line.path("AccountBasedExpenseLineDetail").path("BillableStatus").asText()).isEqualTo("Billable");
		// waiting to be invoiced with its markup: 42.50 + 10 %
		assertThat(expenses.get(taxi.id()).billableAmount()).isEqualByComparingTo("46.75");
		assertThat(fake.entities("Purchase").stream()
			.filter(node -> node.path("Line").get(0).path("Description").asText().equals("Airport to client")))
			.hasSize(1);
	}

	@Test
	void ignoresWebhookEventsOfAnotherCompanyButAnswers200() {
		byte[] body = notification("4620816365000000", "777001");

		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);

		assertThat(jdbc.queryForObject("select count(*) from qbo_inbound_change where entity_id = '777001'",
				Integer.class)).isZero();
	}

	@Test
	void postsAnInvoiceExactlyOnceAcrossACrashBeforeTheCommit() {
		TransactionTemplate inTransaction = new TransactionTemplate(transactionManager);
		InvoiceDraft draft = draft(UUID.randomUUID(), setUpProject());
		int invoicesBefore = fake.entities("Invoice").size();

		assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
			sync.postInvoice(draft);
			throw new IllegalStateException("crash after QuickBooks answered, before the commit");
		})).hasMessageContaining("crash");
		ExternalRef ref = inTransaction.execute(status -> sync.postInvoice(draft).id());

		assertThat(fake.entities("Invoice")).hasSize(invoicesBefore + 1);
		assertThat(fake.entity("Invoice", ref.value())).isPresent();
		assertThat(sync.externalRef("INVOICE", draft.localId())).contains(ref);
	}

	@Test
	void aPostedInvoiceKeepsQuickBooksInvoiceLinkAsItsPaymentLinkAndAPostRepeatedKeepsItToo() {
		UUID invoice = approvedInvoice();
		int invoicesBefore = fake.entities("Invoice").size();

		ExternalRef ref = posting.post(invoice);
		jdbc.update("update invoice set payment_link = null where id = ?", invoice); // as if lost before this change
		assertThat(posting.post(invoice)).as("posted again: the same invoice").isEqualTo(ref);

		assertThat(fake.entities("Invoice")).hasSize(invoicesBefore + 1);
		String qboLink = fake.invoiceLink(ref.value()).orElseThrow();
		assertThat(invoices.get(invoice).paymentLink()).hasToString(qboLink);
	}

	@Test
	void anInvoiceQuickBooksOffersNoLinkForIsPaidOnItsOwnPage() {
		UUID invoice = approvedInvoice();
		fake.offerInvoiceLinks(false);
		try {
			posting.post(invoice);
		}
		finally {
			fake.offerInvoiceLinks(true);
		}

		Invoice posted = invoices.get(invoice);
		assertThat(posted.paymentLink()).hasToString(baseUrl + "/invoices/view/" + posted.publicToken());
	}

	@Test
	void aRefusedCloseIsListedAmongTheFailuresWithQuickBooksMessage() {
		UUID project = newProject(newClient(unique("Contoso")), newPerson(), "TIME_AND_MATERIALS");
		sync.setUpProject(project);
		fake.rejectNext("Customer", "6000", 1);

		assertThatThrownBy(() -> sync.closeProject(project)).isInstanceOf(AccountingRejected.class);

		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get(SYNC_PAGE).body();
		Matcher row = Pattern.compile("data-local-id=\"" + project + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("failure row of the project").isTrue();
		assertThat(row.group(1)).contains("PROJECT",
				"A business validation error has occurred while processing your request (6000)",
				"the fake QBO was told to refuse this request");
	}

	/** A sent invoice of one hour at 100.00 plus 8.875 % tax: 108.88, posted in QuickBooks. */
	private Invoice sentInvoice() {
		UUID person = newPerson();
		UUID project = newProject(newClient(unique("Contoso")), person, "TIME_AND_MATERIALS");
		return new SentInvoices(jdbc, drafting, invoices, posting).sent(project, person, 60, "100.00");
	}

	/** Records a payment through the API as finance; returns its id. */
	private UUID recordPayment(Invoice invoice, String amount, LocalDate date, @Nullable String reference) {
		String body = "{\"amount\": %s, \"method\": \"CHECK\", \"date\": \"%s\"%s}".formatted(amount, date,
				reference == null ? "" : ", \"reference\": \"" + reference + "\"");
		return UUID.fromString(callAs(TestUsers.FINANCE, HttpMethod.POST,
				"/api/v1/invoices/" + invoice.id() + "/payments", body).expect(201).read("$.payment.id"));
	}

	/** The QuickBooks payments that name the Ledgerflow payment in their note. */
	private List<JsonNode> bookedFor(UUID payment) {
		return fake.entities("Payment")
			.stream()
			.filter(node -> node.path("PrivateNote").asText().startsWith("Ledgerflow payment " + payment))
			.toList();
	}

	/** The payment writes QuickBooks received for the Ledgerflow payment, oldest first (refused ones included). */
	private List<FakeQbo.Request> paymentWrites(UUID payment) {
		return fake.requests()
			.stream()
			.filter(request -> request.isWrite() && request.path().endsWith("/payment")
					&& request.body().contains("Ledgerflow payment " + payment))
			.toList();
	}

	/** Failed pushes of the Ledgerflow payment since its last success (its {@code PAYMENT} link). */
	private int failedAttempts(UUID payment) {
		return jdbc.queryForList("select attempts from external_link where entity_type = 'PAYMENT' and local_id = ?",
				Integer.class, payment).stream().findFirst().orElse(0);
	}

	/** How many creates of a QuickBooks payment for the Ledgerflow payment were sent (its requestid names it). */
	private long paymentCreates(UUID payment) {
		String key = "payment:" + payment.toString().replace("-", "");
		return fake.requests()
			.stream()
			.filter(request -> request.path().endsWith("/payment") && request.method().equals("POST"))
			.filter(request -> String.valueOf(request.params().get("requestid")).startsWith(key))
			.count();
	}

	/** Posts the webhook, processes the inbox and waits until the changes it reported are handled. */
	private void deliver(byte[] notification) {
		assertThat(webhook(notification, sign(notification)).statusCode()).isEqualTo(200);
		handleInbox();
	}

	/** Processes the inbox (webhook and CDC changes) and waits until the changes are handled. */
	private void handleInbox() {
		while (inbox.processPending() > 0) {
			// what QboInboundPoller does every few seconds
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
					+ "and event_type like '%AccountingChangeReceived'", Integer.class) == 0);
	}

	/** The client's credit (its invoices are in one currency; zero when none). */
	private BigDecimal clientCredit(UUID client) {
		return jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from client_credit where client_id = ?",
				BigDecimal.class, client);
	}

	/** The reasons the QuickBooks payment is listed for (one row at most). */
	private List<String> unmatchedRows(String payment) {
		return jdbc.queryForList(
				"select reason from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
				String.class, payment);
	}

	/** Waits until the Ledgerflow payment is booked in QuickBooks; answers QuickBooks' id. */
	private String awaitBooked(UUID payment) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> sync.externalRef("PAYMENT", payment), Optional::isPresent)
			.orElseThrow()
			.value();
	}

	/** Why the QuickBooks payment is listed as not taken over; empty when it is not listed. */
	private Optional<String> unmatchedReason(String payment) {
		return jdbc.queryForList(
				"select reason from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
				String.class, payment).stream().findFirst();
	}

	/** The accounting state of the invoice's only payment, as the API shows it. */
	private Map<String, Object> accountingState(Invoice invoice) {
		return get("/api/v1/invoices/" + invoice.id() + "/payments").expect(200).read("$.payments[0].accounting");
	}

	/** The payment's row in the page's "Needs attention in accounting" table. */
	private static String attentionRow(String page, UUID payment) {
		assertThat(page).contains("id=\"attention-payments\"");
		Matcher row = Pattern.compile("id=\"attention-payment-" + payment + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page.substring(page.indexOf("id=\"attention-payments\"")));
		assertThat(row.find()).as("attention row of payment %s", payment).isTrue();
		return row.group(1);
	}

	/** The payment's row on the payments page. */
	private String paymentRow(UUID payment) {
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/payments").body();
		Matcher row = Pattern.compile("id=\"payment-" + payment + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("row of payment %s", payment).isTrue();
		return row.group(1);
	}

	/** An approved invoice for two hours of approved time at 150.00 on a new project. */
	private UUID approvedInvoice() {
		UUID manager = newPerson();
		UUID project = newProject(newClient(unique("Northwind")), manager, "TIME_AND_MATERIALS");
		LocalDate day = LocalDate.of(2026, 10, 5);
		TimeEntryFixture.approvedTime(manager, project, day, 120).insert(jdbc);
		UUID invoice = drafting.draft(project, new BillingPeriod(day.withDayOfMonth(1), day.withDayOfMonth(31)))
			.orElseThrow()
			.id();
		invoices.approve(invoice);
		return invoice;
	}

	private ExternalRef setUpProject() {
		return sync.setUpProject(newProject(newClient(unique("Fabrikam")), newPerson(), "TIME_AND_MATERIALS"));
	}

	private ExternalRef postInvoice(UUID localId) {
		return sync.postInvoice(draft(localId, setUpProject())).id();
	}

	private InvoiceDraft draft(UUID localId, ExternalRef job) {
		ExternalRef item = accounting.upsertServiceItem("Design", "79");
		return new InvoiceDraft(localId, job, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30), "USD",
				List.of(InvoiceDraft.Line.of("Design", new BigDecimal("3"), new BigDecimal("33.33"), item, false)),
				null);
	}

	private String source(String payment) {
		return jdbc.queryForObject(
				"select string_agg(distinct source, ',') from qbo_inbound_change where entity = 'Payment' and entity_id = ?",
				String.class, payment);
	}

	/** The payment's row in the page's "Received from accounting" table. */
	private String receivedRow(String payment) {
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get(SYNC_PAGE).body();
		assertThat(page).contains("Received from accounting");
		Matcher row = Pattern.compile("data-external-id=\"Payment:" + payment + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("row of payment %s", payment).isTrue();
		return row.group(1);
	}

	private List<Map<String, Object>> timeEntry(String timeActivity) {
		return jdbc.queryForList("""
				select origin, status, person_id, project_id, work_date, minutes, start_time, notes, billable
				from time_entry where external_id = ?""", timeActivity);
	}

	/** The expenses taken over from the purchase's lines (the line on no customer makes none). */
	private List<Map<String, Object>> expenseOf(String purchase) {
		return jdbc.queryForList("""
				select origin, status, external_id, person_id, project_id, expense_date, category_code, vendor, amount,
				    currency, description, billable
				from expense where external_id like ?""", purchase + ":%");
	}

	/** A legacy {@code eventNotifications} body (qbo-samples/webhook-notification.json) for one created payment. */
	private static byte[] notification(String realmId, String paymentId) {
		return notification(realmId, "Payment", paymentId, "Create");
	}

	private static byte[] notification(String realmId, String entity, String id, String operation) {
		String lastUpdated = OffsetDateTime.now(ZoneOffset.ofHours(-8))
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"));
		return """
				{"eventNotifications":[{"realmId":"%s","dataChangeEvent":{"entities":[
				  {"name":"%s","id":"%s","operation":"%s","lastUpdated":"%s"}]}}]}"""
			.formatted(realmId, entity, id, operation, lastUpdated)
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String sign(byte[] body) {
		return Base64.getEncoder().encodeToString(QboWebhooks.sign(body, VERIFIER_TOKEN));
	}

	private HttpResponse<String> webhook(byte[] body, String signature) {
		try {
			return webhookClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/qbo"))
				.header("Content-Type", "application/json")
				.header("intuit-signature", signature)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ProcessInstance awaitInstance(UUID project) {
		return ProcessJobs.awaitInstance(runtime, ProjectLifecycleProcess.KEY, businessKey(project));
	}

	/**
	 * Issue 6's month end on QuickBooks: one billing run of a month bills a time-and-materials, a fixed-fee and a
	 * retainer project; the managers (and finance, for the 12,000.00 milestone) approve in their review tasks; each
	 * invoice is in QuickBooks exactly once, line by line with the tax Ledgerflow computed, and each client gets its
	 * PDF by e-mail with QuickBooks' payment link in the mail and in the PDF.
	 */
	@Test
	void aMonthEndRunBillsEachBillingModelOnceInQuickBooksAndMailsItsPdfWithThePaymentLink() throws Exception {
		YearMonth month = YearMonth.of(2019, 5); // this context's own month: nothing else in it
		UUID manager = newPerson();
		String managerUserId = jdbc.queryForObject("select user_id from person where id = ?", String.class, manager);
		UUID timeAndMaterials = monthEndProject("tm", manager, "TIME_AND_MATERIALS");
		for (int day = 6; day <= 10; day++) {
			TimeEntryFixture.approvedTime(manager, timeAndMaterials, month.atDay(day), 100).insert(jdbc);
		}
		UUID fixedFee = monthEndProject("ff", manager, "FIXED_FEE");
		UUID milestone = post("/api/v1/projects/" + fixedFee + "/milestones",
				"{\"name\": \"Go-live\", \"amount\": 12000.00}").expect(201).id();
		post("/api/v1/projects/" + fixedFee + "/milestones/" + milestone + "/complete", "").expect(200);
		UUID retainer = monthEndProject("rt", manager, "RETAINER");
		greenMail.purgeEmailFromAllMailboxes();

		String run = post("/api/v1/billing-runs", "{\"period\": \"" + month + "\"}").expect(202)
			.read("$.processInstanceId");
		executeDueJobs(management, run);

		// 500 minutes at 150.00 = 1,250.00; 12,000.00; the retainer's 5,000.00 — each plus 8.875 % tax
		String waiting = assertMonthEndInvoice(timeAndMaterials, "tm", managerUserId, "1250.00", "110.94", "Time");
		assertMonthEndInvoice(fixedFee, "ff", managerUserId, "12000.00", "1065.00", "Milestone");
		assertMonthEndInvoice(retainer, "rt", managerUserId, "5000.00", "443.75", "Retainer");

		// issue 7: the client pays in QuickBooks, and the invoice's wait for payment ends the moment it arrives
		Invoice sent = invoices.list(null, timeAndMaterials, null, null, null).get(0);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting).count()).as("waiting for payment")
			.isOne();
		String payment = fake.addPayment(sync.externalRef("INVOICE", sent.id()).orElseThrow().value(), sent.total());
		byte[] body = notification(FakeQbo.REALM_ID, payment);
		assertThat(webhook(body, sign(body)).statusCode()).isEqualTo(200);
		while (inbox.processPending() > 0) {
			// what QboInboundPoller does every few seconds
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			executeDueJobs(management, waiting);
			return runtime.createProcessInstanceQuery().processInstanceId(waiting).count() == 0;
		});
		assertThat(invoices.get(sent.id()).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(waiting).singleResult()
			.getEndActivityId()).isEqualTo(InvoiceToCashProcess.END_INVOICE_PAID);
		assertThat(payments.balance(sent.id()).openBalance()).isEqualByComparingTo("0.00");
	}

	/** Asserts the project's month-end invoice in Ledgerflow, QuickBooks and the mail; returns its process id. */
	private String assertMonthEndInvoice(UUID project, String client, String managerUserId, String subtotal,
			String tax, String item) throws Exception {
		List<Invoice> billed = invoices.list(null, project, null, null, null);
		assertThat(billed).as("invoices of the %s project", client).hasSize(1);
		Invoice invoice = billed.get(0);
		// started when the draft's event is delivered after its commit
		String instance = ProcessJobs
			.awaitInstance(runtime, InvoiceToCashProcess.KEY, InvoiceToCashProcess.businessKey(invoice.id()))
			.getId();
		reviewAndDrive(instance, managerUserId);

		invoice = invoices.get(invoice.id());
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.SENT);
		assertThat(invoice.subtotal()).isEqualByComparingTo(subtotal);
		assertThat(invoice.tax()).isEqualByComparingTo(tax);
		String number = invoice.number();
		List<JsonNode> inQuickBooks = fake.entities("Invoice")
			.stream()
			.filter(node -> node.path("DocNumber").asText().equals(number))
			.toList();
		assertThat(inQuickBooks).as("QuickBooks invoices numbered %s", number).hasSize(1);
		JsonNode posted = inQuickBooks.get(0);
		assertThat(posted.path("CustomerRef").path("value").asText())
			.isEqualTo(sync.externalRef("PROJECT", project).orElseThrow().value());
		assertThat(posted.path("TxnDate").asText()).isEqualTo(invoice.issueDate().toString());
		assertThat(posted.path("DueDate").asText()).isEqualTo(invoice.dueDate().toString());
		assertThat(posted.path("TxnTaxDetail").path("TotalTax").decimalValue()).isEqualByComparingTo(tax);
		assertThat(posted.path("TotalAmt").decimalValue()).isEqualByComparingTo(invoice.total());
		assertThat(posted.path("Balance").decimalValue()).isEqualByComparingTo(invoice.total());
		List<JsonNode> lines = new ArrayList<>();
		posted.path("Line").forEach(line -> {
			if ("SalesItemLineDetail".equals(line.path("DetailType").asText())) {
				lines.add(line);
			}
		});
		assertThat(lines).hasSameSizeAs(invoice.lines());
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = lines.get(i);
			var ours = invoice.lines().get(i);
			JsonNode detail = line.path("SalesItemLineDetail");
			assertThat(line.path("Description").asText()).isEqualTo(ours.description());
			assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo(ours.amount());
			assertThat(detail.path("Qty").decimalValue()).isEqualByComparingTo(ours.quantity());
			assertThat(detail.path("UnitPrice").decimalValue()).isEqualByComparingTo(ours.unitPrice());
			assertThat(detail.path("TaxCodeRef").path("value").asText()).isEqualTo("TAX");
			assertThat(fake.entity("Item", detail.path("ItemRef").path("value").asText()).orElseThrow()
				.path("Name").asText()).isEqualTo(item);
		}
		String link = fake.invoiceLink(posted.path("Id").asText()).orElseThrow();
		assertThat(invoice.paymentLink()).hasToString(link);

		OutboxDeliveries.deliverAllDue(context);
		MimeMessage mail = await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(greenMail.getReceivedMessages())
				.filter(message -> recipients(message).contains("ap-" + client + "-" + project + "@client.test"))
				.findFirst()
				.orElse(null), Objects::nonNull);
		assertThat(mail.getSubject()).contains(number);
		assertThat(MimeParts.text(mail)).contains(link, invoice.total().toPlainString());
		try (PDDocument pdf = Loader
			.loadPDF(MimeParts.attachment(mail))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text.replaceAll("\\s+", "")).contains(number, link);
			assertThat(pdf.getPage(0).getAnnotations())
				.filteredOn(PDAnnotationLink.class::isInstance)
				.map(annotation -> ((PDActionURI)
						((PDAnnotationLink) annotation).getAction())
					.getURI())
				.contains(link);
		}
		return instance;
	}

	/** Approves each review task as it comes (the manager, then finance where routed) and runs the jobs due. */
	private void reviewAndDrive(String instance, String managerUserId) {
		for (int i = 0; i < 100; i++) {
			List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
			if (!due.isEmpty()) {
				management.executeJob(due.get(0).getId());
				continue;
			}
			Task review = tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKeyIn(InvoiceToCashProcess.TASK_REVIEW_INVOICE,
						InvoiceToCashProcess.TASK_REVIEW_INVOICE_AS_FINANCE)
				.singleResult();
			if (review == null) {
				return;
			}
			String reviewer = InvoiceToCashProcess.TASK_REVIEW_INVOICE
				.equals(review.getTaskDefinitionKey()) ? managerUserId : TestUsers.FINANCE;
			tasks.claim(review.getId(), reviewer);
			tasks.complete(review.getId(), Map.of(InvoiceToCashProcess.VAR_DECISION,
					InvoiceToCashProcess.DECISION_APPROVE));
		}
	}

	/** An active project of a new client whose billing address is {@code ap-{name}-{project id}@client.test}. */
	private UUID monthEndProject(String name, UUID manager, String model) {
		UUID client = newClient(unique("Month end " + name));
		UUID project = newProject(client, manager, model);
		jdbc.update("update project set status = 'ACTIVE' where id = ?", project);
		jdbc.update("update client_billing_email set email = ? where client_id = ?",
				"ap-" + name + "-" + project + "@client.test", client);
		return project;
	}

	private static String recipients(Message message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (MessagingException ex) {
			return "";
		}
	}

}
