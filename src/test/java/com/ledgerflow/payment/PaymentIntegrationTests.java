package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceVoiding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Payments over the API and the service: balances to the cent, credit, refusals, access, concurrency, the event. */
@IntegrationTest
@RecordApplicationEvents
class PaymentIntegrationTests extends ApiTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoicePosting posting;

	@Autowired
	InvoiceVoiding voiding;

	@Autowired
	PaymentService payments;

	@Autowired
	ApplicationEvents events;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	SentInvoices sentInvoices;

	@BeforeEach
	void users() {
		TestUsers.ensure(staff);
		sentInvoices = new SentInvoices(jdbc, drafting, invoices, posting);
	}

	@Test
	void partialThenFullPaymentBalancesToTheCentAndMarksTheInvoicePaid() {
		Invoice invoice = sent(97, "152.50"); // 246.54 + 8.875 % tax 21.88 = 268.42
		assertThat(invoice.total()).isEqualByComparingTo("268.42");

		var first = pay(invoice.id(), "100.01").expect(201);
		assertThat(money(first, "$.openBalance")).isEqualByComparingTo("168.41");
		assertThat((Boolean) first.read("$.paidInFull")).isFalse();
		assertThat((String) first.read("$.payment.origin")).isEqualTo("API");
		assertThat((String) first.read("$.payment.recordedBy")).isEqualTo(TestUsers.FINANCE);
		assertThat((String) get("/api/v1/invoices/" + invoice.id()).read("$.status")).isEqualTo("SENT");

		var second = pay(invoice.id(), "168.41").expect(201);
		assertThat(money(second, "$.openBalance")).isEqualByComparingTo("0.00");
		assertThat((Boolean) second.read("$.paidInFull")).isTrue();

		var listed = get("/api/v1/invoices/" + invoice.id() + "/payments").expect(200);
		assertThat(money(listed, "$.paid")).isEqualByComparingTo("268.42");
		assertThat(money(listed, "$.openBalance")).isEqualByComparingTo("0.00");
		List<Object> amounts = listed.read("$.payments[*].amount");
		assertThat(amounts).extracting(amount -> new BigDecimal(amount.toString()))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("100.01"), new BigDecimal("168.41"));
		assertThat((String) listed.read("$.status")).isEqualTo("PAID");
		assertThat((String) get("/api/v1/invoices/" + invoice.id()).read("$.status")).isEqualTo("PAID");
		assertThat(get("/api/v1/invoices?status=PAID").entity().getBody()).contains(invoice.id().toString());

		var refused = pay(invoice.id(), "1.00").expect(409);
		assertThat(refused.errors()).containsKey("invoiceId");
	}

	/** The client's page shows what is still owed; the staff page the open balance and the payment in its history. */
	@Test
	void theInvoicePagesShowWhatIsStillOwedAndEachPayment() {
		Invoice invoice = sent(97, "152.50"); // 268.42
		pay(invoice.id(), "100.01").expect(201);

		String clientPage = http.getForEntity(java.net.URI.create(invoice.paymentLink().toString()).getPath(),
				String.class).getBody();
		assertThat(clientPage).containsPattern("id=\"amount-due\"[^>]*>168.41 USD<");
		String staffPage = TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/invoices/" + invoice.id()).body();
		assertThat(staffPage).containsPattern("id=\"invoice-open-balance\"[^>]*>168.41 USD<")
			.contains("Payment of 100.01 USD received", "BANK_TRANSFER, REF-1, recorded by " + TestUsers.FINANCE);
	}

	@Test
	void anOverpaymentSettlesTheInvoiceAndCreditsTheExcessToTheClient() {
		Invoice invoice = sent(60, "100.00"); // 100.00 + 8.88 tax = 108.88
		assertThat(invoice.total()).isEqualByComparingTo("108.88");

		var recorded = pay(invoice.id(), "120.00").expect(201);
		assertThat(money(recorded, "$.openBalance")).isEqualByComparingTo("0.00");
		assertThat(money(recorded, "$.payment.appliedAmount")).isEqualByComparingTo("108.88");
		assertThat(money(recorded, "$.payment.creditAmount")).isEqualByComparingTo("11.12");

		var credit = get("/api/v1/clients/" + invoice.clientId() + "/credit").expect(200);
		assertThat(credit.read("$.credit[0].currency").toString()).isEqualTo("USD");
		assertThat(money(credit, "$.credit[0].amount")).isEqualByComparingTo("11.12");
		assertThat(credit.read("$.entries[0].invoiceId").toString()).isEqualTo(invoice.id().toString());
		var listed = get("/api/v1/invoices/" + invoice.id() + "/payments").expect(200);
		assertThat(money(listed, "$.clientCredit[0].amount")).isEqualByComparingTo("11.12");
		assertThat(money(listed, "$.paid")).isEqualByComparingTo("108.88");
	}

	@Test
	void aPaymentOnAVoidedInvoiceIsRefusedWithTheReason() {
		Invoice invoice = sent(60, "100.00");
		voiding.voidInvoice(invoice.id(), false);

		var refused = pay(invoice.id(), "10.00").expect(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errors()).containsKey("invoiceId");
		assertThat(refused.errors().get("invoiceId").toString()).contains("VOIDED");
		assertThat(payments.of(invoice.id())).isEmpty();

		Invoice draft = sentInvoices.drafted(project(), newPerson(), 60, "100.00");
		assertThat(pay(draft.id(), "10.00").expect(409).errors().get("invoiceId").toString()).contains("DRAFT");
	}

	@Test
	void badPaymentsAreProblemDetailsNamingTheField() {
		Invoice invoice = sent(60, "100.00");
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), "{\"amount\": 0, \"method\": \"CASH\"}").expect(400).errors())
			.containsKey("amount");
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), "{\"amount\": -5.00, \"method\": \"CASH\"}").expect(400)
			.errors()).containsKey("amount");
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), "{\"amount\": 1.234, \"method\": \"CASH\"}").expect(400)
			.errors()).containsKey("amount");
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), "{\"method\": \"CASH\"}").expect(400).errors())
			.containsKey("amount");
		var currency = payAs(TestUsers.FINANCE, invoice.id(),
				"{\"amount\": 10.00, \"currency\": \"EUR\", \"method\": \"CASH\"}")
			.expect(400);
		assertThat(currency.errors()).containsKey("currency");
		assertThat(currency.errors().get("currency").toString()).contains("USD");
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), "{\"amount\": 10.00, \"method\": \"GOLD\"}").expect(400)
			.errors()).containsKey("method");
		String future = "{\"amount\": 10.00, \"method\": \"CASH\", \"date\": \"2999-01-01\"}";
		assertThat(payAs(TestUsers.FINANCE, invoice.id(), future).expect(400)
			.errors()).containsKey("date");
		payAs(TestUsers.FINANCE, UUID.randomUUID(), "{\"amount\": 10.00, \"method\": \"CASH\"}").expect(404);
		assertThat(payments.of(invoice.id())).isEmpty();
	}

	@Test
	void onlyFinanceAndAdministratorsRecordPaymentsButStaffReadThem() {
		Invoice invoice = sent(60, "100.00");
		String body = "{\"amount\": 10.00, \"method\": \"CASH\"}";
		assertThat(payAs(TestUsers.CONSULTANT, invoice.id(), body).expect(403).contentType())
			.startsWith("application/problem+json");
		payAs(TestUsers.MANAGER, invoice.id(), body).expect(403);
		assertThat(payments.of(invoice.id())).isEmpty();
		callAs(TestUsers.CONSULTANT, HttpMethod.GET, "/api/v1/invoices/" + invoice.id() + "/payments", null)
			.expect(200);
		assertThat(http.getForEntity("/api/v1/invoices/" + invoice.id() + "/payments", String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void twoPaymentsAtOnceDoNotBothSeeTheOldBalance() throws Exception {
		Invoice invoice = sent(60, "100.00"); // 108.88
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			Callable<RecordedPayment> pay70 = () -> {
				start.await();
				return payments.record(payment(invoice.id(), "70.00"));
			};
			List<Future<RecordedPayment>> both = List.of(pool.submit(pay70), pool.submit(pay70));
			start.countDown();
			for (Future<RecordedPayment> one : both) {
				one.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, Object> sums = jdbc.queryForMap(
				"select sum(applied_amount) applied, sum(amount - applied_amount) credit from payment where invoice_id = ?",
				invoice.id());
		assertThat((BigDecimal) sums.get("applied")).isEqualByComparingTo("108.88");
		assertThat((BigDecimal) sums.get("credit")).isEqualByComparingTo("31.12");
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("0.00");
	}

	@Test
	void recordingPublishesPaymentReceivedWithTheNewBalance() {
		Invoice invoice = sent(60, "100.00"); // 108.88
		RecordedPayment partial = payments.record(payment(invoice.id(), "8.88"));
		RecordedPayment rest = payments.record(payment(invoice.id(), "100.00"));

		assertThat(events.stream(PaymentReceived.class)).containsExactly(
				new PaymentReceived(invoice.id(), partial.payment().id(), new BigDecimal("8.88"),
						new BigDecimal("100.00"), false),
				new PaymentReceived(invoice.id(), rest.payment().id(), new BigDecimal("100.00"),
						new BigDecimal("0.00"), true));
	}

	@Test
	void aPaymentRecordedInLedgerflowIsBookedInTheBuiltInLedgerOnceWithItsExcessUnapplied() {
		Invoice invoice = sent(60, "100.00"); // 108.88

		UUID payment = UUID.fromString(pay(invoice.id(), "120.00").expect(201).read("$.payment.id"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForList("select amount, unapplied_amount from local_ledger_payment where local_id = ?",
					payment), rows -> rows.size() == 1);
		var booked = jdbc.queryForMap(
				"select p.id, p.amount, p.unapplied_amount, i.balance from local_ledger_payment p"
						+ " join local_ledger_invoice i on i.id = p.invoice_id where p.local_id = ?",
				payment);
		assertThat((BigDecimal) booked.get("amount")).isEqualByComparingTo("108.88");
		assertThat((BigDecimal) booked.get("unapplied_amount")).isEqualByComparingTo("11.12");
		assertThat((BigDecimal) booked.get("balance")).isEqualByComparingTo("0.00");
		var listed = get("/api/v1/invoices/" + invoice.id() + "/payments").expect(200);
		assertThat((String) listed.read("$.payments[0].accounting.state")).isEqualTo("PUSHED");
		assertThat((String) listed.read("$.payments[0].accounting.externalId")).isEqualTo(booked.get("id"));
	}

	@Test
	void aPaymentFromAccountingIsNotBookedBack() {
		Invoice invoice = sent(60, "100.00");
		RecordedPayment recorded = payments.record(new NewPayment(invoice.id(), new BigDecimal("50.00"), null, null,
				PaymentMethod.OTHER, "1024", PaymentOrigin.QBO, "qbo-" + UUID.randomUUID(), "qbo"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("""
					select count(*) from event_publication where completion_date is null
					and listener_id like '%PaymentBooking%' and serialized_event like ?""", Integer.class,
					"%" + recorded.payment().id() + "%") == 0);
		assertThat(jdbc.queryForObject("select count(*) from external_link where entity_type = 'PAYMENT' and local_id = ?",
				Integer.class, recorded.payment().id())).isZero();
		var listed = get("/api/v1/invoices/" + invoice.id() + "/payments").expect(200);
		assertThat((String) listed.read("$.payments[0].accounting.state")).isEqualTo("RECEIVED");
	}

	@Test
	void aPaymentFromAccountingIsRecordedOnceUnderItsId() {
		Invoice invoice = sent(60, "100.00");
		NewPayment fromQbo = new NewPayment(invoice.id(), new BigDecimal("50.00"), null, null, PaymentMethod.OTHER,
				"1024", PaymentOrigin.QBO, "163", "qbo");
		assertThat(payments.record(fromQbo).created()).isTrue();
		RecordedPayment again = payments.record(fromQbo);
		assertThat(again.created()).isFalse();
		assertThat(again.openBalance()).isEqualByComparingTo("58.88");
		assertThat(payments.of(invoice.id())).hasSize(1);
		assertThat(events.stream(PaymentReceived.class)).hasSize(1);
	}

	@Test
	void aPaymentDeletedInQuickBooksAfterItWasRecordedStaysAndIsListedForFinance() {
		Invoice invoice = sent(60, "100.00");
		String externalId = "del-" + UUID.randomUUID();
		payments.record(new NewPayment(invoice.id(), new BigDecimal("50.00"), null, null, PaymentMethod.OTHER, null,
				PaymentOrigin.QBO, externalId, "qbo"));

		transactions.executeWithoutResult(
				status -> publisher.publishEvent(new AccountingChangeReceived("Payment", externalId, "Delete")));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForList(
					"select reason from accounting_unmatched_change where entity = 'Payment' and external_id = ?",
					String.class, externalId), reasons -> reasons.size() == 1
							&& reasons.get(0).contains("deleted in QuickBooks after Ledgerflow recorded it"));
		assertThat(payments.of(invoice.id())).hasSize(1);
		assertThat(payments.balance(invoice.id()).openBalance()).isEqualByComparingTo("58.88");
	}

	private Invoice sent(int minutes, String rate) {
		UUID person = newPerson();
		return sentInvoices.sent(newProject(newClient(), person, "TIME_AND_MATERIALS"), person, minutes, rate);
	}

	private UUID project() {
		return newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
	}

	private static BigDecimal money(Response response, String path) {
		return new BigDecimal(String.valueOf((Object) response.read(path)));
	}

	private static NewPayment payment(UUID invoice, String amount) {
		return new NewPayment(invoice, new BigDecimal(amount), "USD", null, PaymentMethod.BANK_TRANSFER, null,
				PaymentOrigin.API, null, "test");
	}

	private Response pay(UUID invoice, String amount) {
		return payAs(TestUsers.FINANCE, invoice,
				"{\"amount\": %s, \"method\": \"BANK_TRANSFER\", \"reference\": \"REF-1\"}".formatted(amount));
	}

	private Response payAs(String user, UUID invoice, String body) {
		return callAs(user, HttpMethod.POST, "/api/v1/invoices/" + invoice + "/payments", body);
	}

}
