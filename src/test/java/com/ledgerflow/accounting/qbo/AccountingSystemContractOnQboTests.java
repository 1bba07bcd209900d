package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.AccountingSystemContractTests;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.PostedInvoice;
import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.accounting.TimeActivityEntry;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accounting contract against the QBO adapter and a fake QBO, plus the QBO fields the contract implies. */
class AccountingSystemContractOnQboTests extends AccountingSystemContractTests {

	private FakeQbo fake;

	private AccountingSystem accounting;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
		accounting = QboFixtures.accountingSystem(fake);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Override
	protected AccountingSystem accounting() {
		return accounting;
	}

	@Override
	protected Stored stored(ExternalRef ref) {
		JsonNode customer = fake.customer(ref.value()).orElseThrow();
		return new Stored(customer.path("DisplayName").asText(), customer.path("Job").asBoolean(),
				customer.path("ParentRef").path("value").asText(null), customer.path("Active").asBoolean());
	}

	@Override
	protected long timeActivitiesOn(ExternalRef job) {
		return fake.entities("TimeActivity")
			.stream()
			.filter(activity -> activity.path("CustomerRef").path("value").asText().equals(job.value()))
			.count();
	}

	@Override
	protected ExternalRef pay(ExternalRef invoice, BigDecimal amount) {
		return new ExternalRef(fake.addPayment(invoice.value(), amount));
	}

	@Test
	void booksTimeAsAnEmployeesBillableTimeActivityOnTheJob() {
		Booking booking = booking();
		TimeActivityEntry entry = booking.time(90);

		ExternalRef ref = accounting.pushTimeActivity(entry);

		JsonNode activity = fake.entity("TimeActivity", ref.value()).orElseThrow();
		assertThat(activity.path("NameOf").asText()).isEqualTo("Employee");
		assertThat(activity.path("EmployeeRef").path("value").asText()).isEqualTo(booking.employee().value());
		assertThat(activity.path("CustomerRef").path("value").asText()).isEqualTo(booking.job().value());
		assertThat(activity.path("ItemRef").path("value").asText()).isEqualTo(booking.item().value());
		assertThat(activity.path("BillableStatus").asText()).isEqualTo("Billable");
		assertThat(activity.path("Hours").asInt()).isEqualTo(1);
		assertThat(activity.path("Minutes").asInt()).isEqualTo(30);
		assertThat(activity.path("HourlyRate").decimalValue()).isEqualByComparingTo("150.00");
		assertThat(activity.path("TxnDate").asText()).isEqualTo("2026-11-02");
		assertThat(fake.requests()).filteredOn(request -> request.path().endsWith("/timeactivity"))
			.extracting(request -> request.params().get("requestid"))
			.containsOnly("time:" + entry.localId().toString().replace("-", "") + ":create");
	}

	@Test
	void sendsSixtyFiveTimeActivitiesInThreeBatchesOfAtMostThirty() {
		Booking booking = booking();
		List<TimeActivityEntry> entries = new ArrayList<>();
		for (int i = 0; i < 65; i++) {
			entries.add(booking.time(30));
		}
		fake.rejectNext("TimeActivity", "6000", 1);

		List<PushOutcome> outcomes = accounting.pushTimeActivities(entries);

		assertThat(fake.requestCount("/batch")).isEqualTo(3);
		assertThat(fake.requests()).filteredOn(request -> request.path().endsWith("/batch"))
			.extracting(request -> request.body().split("\"bId\"", -1).length - 1)
			.containsExactly(30, 30, 5);
		assertThat(outcomes.get(0).rejection()).isNotNull()
			.satisfies(rejection -> assertThat(rejection.code()).isEqualTo("6000"));
		assertThat(outcomes.subList(1, 65)).allMatch(PushOutcome::succeeded);
		assertThat(timeActivitiesOn(booking.job())).isEqualTo(64);
	}

	@Test
	void booksABillableExpenseAsAPurchaseWhoseLineIsOnTheJob() {
		Booking booking = booking();
		BillableExpenseEntry expense = booking.expense(new BigDecimal("103.55"));

		ExternalRef ref = accounting.pushBillableExpense(expense);

		JsonNode purchase = fake.entity("Purchase", ref.value()).orElseThrow();
		JsonNode line = purchase.path("Line").path(0);
		assertThat(line.path("DetailType").asText()).isEqualTo("AccountBasedExpenseLineDetail");
		assertThat(line.path("AccountBasedExpenseLineDetail").path("CustomerRef").path("value").asText())
			.isEqualTo(booking.job().value());
		assertThat(line.path("AccountBasedExpenseLineDetail").path("BillableStatus").asText()).isEqualTo("Billable");
		assertThat(line.path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText())
			.isEqualTo("64");
		assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("103.55");
		assertThat(line.path("Description").asText()).isEqualTo("Lumber");
		assertThat(purchase.path("PaymentType").asText()).isEqualTo("Cash");
		assertThat(purchase.path("AccountRef").path("value").asText()).isEqualTo("35");
		assertThat(purchase.path("EntityRef").path("value").asText()).isEqualTo(booking.vendor().value());
		assertThat(purchase.path("TotalAmt").decimalValue()).isEqualByComparingTo("103.55");
		assertThat(purchase.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
	}

	@Test
	void postsAnInvoiceWithSalesItemLinesAndAsksForItsPaymentLink() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();

		PostedInvoice posted = accounting.createInvoice(draft);

		JsonNode invoice = fake.entity("Invoice", posted.id().value()).orElseThrow();
		JsonNode line = invoice.path("Line").path(0);
		assertThat(line.path("DetailType").asText()).isEqualTo("SalesItemLineDetail");
		assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("99.99");
		assertThat(line.path("SalesItemLineDetail").path("Qty").decimalValue()).isEqualByComparingTo("3");
		assertThat(line.path("SalesItemLineDetail").path("UnitPrice").decimalValue()).isEqualByComparingTo("33.33");
		assertThat(line.path("SalesItemLineDetail").path("ItemRef").path("value").asText())
			.isEqualTo(booking.item().value());
		assertThat(line.path("SalesItemLineDetail").path("TaxCodeRef").path("value").asText()).isEqualTo("NON");
		assertThat(invoice.path("CustomerRef").path("value").asText()).isEqualTo(booking.job().value());
		assertThat(invoice.path("TotalAmt").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(invoice.path("TxnDate").asText()).isEqualTo("2026-11-30");
		assertThat(invoice.path("DueDate").asText()).isEqualTo("2026-12-30");
		assertThat(posted.docNumber()).isEqualTo(invoice.path("DocNumber").asText());
		assertThat(posted.paymentLink()).hasHost("connect.intuit.com");
		assertThat(fake.requests()).filteredOn(request -> request.path().endsWith("/invoice"))
			.singleElement()
			.satisfies(request -> {
				assertThat(request.params()).containsEntry("include", "invoiceLink");
				assertThat(request.params()).containsEntry("requestid",
						"invoice:" + draft.localId().toString().replace("-", "") + ":create");
			});
	}

	@Test
	void voidsAnInvoiceWithOperationVoidQuotingItsSyncToken() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();
		PostedInvoice posted = accounting.createInvoice(draft);

		accounting.voidInvoice(draft.localId(), posted.id());

		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.last()
			.satisfies(request -> {
				assertThat(request.params()).containsEntry("operation", "void");
				assertThat(request.body()).contains("\"Id\":\"" + posted.id().value() + "\"", "\"SyncToken\":\"0\"");
			});
		JsonNode invoice = fake.entity("Invoice", posted.id().value()).orElseThrow();
		assertThat(invoice.path("PrivateNote").asText()).isEqualTo("Voided");
		assertThat(invoice.path("Balance").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void createsTheClientAsACustomerWithEmailAddressAndCurrency() {
		Client client = ClientFixture.client(unique("Acme"));

		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		JsonNode customer = fake.customer(ref.value()).orElseThrow();
		assertThat(customer.path("DisplayName").asText()).isEqualTo(client.name());
		assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
			.isEqualTo(client.billingEmails().get(0));
		assertThat(customer.path("BillAddr").path("Line1").asText()).isEqualTo("1 Main Street");
		assertThat(customer.path("BillAddr").path("City").asText()).isEqualTo("Springfield");
		assertThat(customer.path("BillAddr").path("CountrySubDivisionCode").asText()).isEqualTo("IL");
		assertThat(customer.path("BillAddr").path("PostalCode").asText()).isEqualTo("62701");
		assertThat(customer.path("BillAddr").path("Country").asText()).isEqualTo("US");
		assertThat(customer.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
		assertThat(customer.path("Job").asBoolean()).isFalse();
		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.singleElement()
			.satisfies(write -> assertThat(write.params().get("requestid"))
				.isEqualTo("customer:" + client.id().toString().replace("-", "") + ":create"));
	}

	@Test
	void createsTheProjectAsABillWithParentJobUnderTheClientsCustomer() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting.pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");

		ExternalRef ref = accounting.pushProject(project, customer, Optional.empty());

		JsonNode job = fake.customer(ref.value()).orElseThrow();
		assertThat(job.path("Job").asBoolean()).isTrue();
		assertThat(job.path("ParentRef").path("value").asText()).isEqualTo(customer.value());
		assertThat(job.path("BillWithParent").asBoolean()).isTrue();
		assertThat(job.path("DisplayName").asText()).isEqualTo(project.code() + " Website relaunch");
		assertThat(job.path("FullyQualifiedName").asText())
			.isEqualTo(client.name() + ":" + project.code() + " Website relaunch");
		assertThat(job.path("Active").asBoolean()).isTrue();
	}

	@Test
	void updatesAnExistingCustomerSparselyWithItsSyncToken() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		accounting.pushCustomer(ClientFixture.renamed(client, client.name() + " Inc"), Optional.of(ref));

		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.last()
			.satisfies(write -> assertThat(write.body()).contains("\"Id\":\"" + ref.value() + "\"",
					"\"SyncToken\":\"0\"", "\"sparse\":true", "\"DisplayName\":\"" + client.name() + "\""));
		assertThat(fake.customer(ref.value()).orElseThrow().path("SyncToken").asText()).isEqualTo("1");
	}

	@Test
	void writesNothingWhenAnUnchangedCustomerIsPushedAgain() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		accounting.pushCustomer(client, Optional.of(ref));

		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite).hasSize(1);
	}

	@Test
	void closingAJobSetsActiveFalseOnceAndThenOnlyReads() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting.pushCustomer(client, Optional.empty());
		ExternalRef job = accounting.pushProject(ProjectFixture.project(client, code(), "Audit"), customer,
				Optional.empty());

		accounting.closeProject(job);
		accounting.closeProject(job);

		assertThat(fake.customer(job.value()).orElseThrow().path("Active").asBoolean()).isFalse();
		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.hasSize(3)
			.last()
			.satisfies(write -> assertThat(write.body()).contains("\"Active\":false", "\"sparse\":true"));
	}

	@Test
	void sendsANewRequestidAfterARejectionBecauseQboReplaysTheRefusalForTheOldOne() {
		Client client = ClientFixture.client(unique("Acme"));
		String other = fake.addCustomer(client.name());
		assertThatThrownBy(() -> accounting.pushCustomer(client, Optional.empty(), 0))
			.isInstanceOf(AccountingRejected.class);
		fake.renameCustomer(other, client.name() + " (old)");

		assertThatThrownBy(() -> accounting.pushCustomer(client, Optional.empty(), 0))
			.as("same requestid: the refusal again")
			.isInstanceOf(AccountingRejected.class);
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty(), 1);

		assertThat(fake.customer(ref.value()).orElseThrow().path("DisplayName").asText()).isEqualTo(client.name());
		List<String> requestIds = fake.requests()
			.stream()
			.filter(FakeQbo.Request::isWrite)
			.map(write -> write.params().get("requestid"))
			.toList();
		assertThat(requestIds).hasSize(3);
		assertThat(requestIds.get(1)).isEqualTo(requestIds.get(0));
		assertThat(requestIds.get(2)).isNotEqualTo(requestIds.get(0)).hasSizeLessThanOrEqualTo(50);
	}

}
