package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.expense.ExpenseProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What expense-approval's <i>Book expense in accounting</i> sends to QBO, field by field, through {@link AccountingSync}
 * over the QBO adapter and the fake QBO. ExpenseBooking itself cannot be wired to a hand-made sync from here (both
 * constructors are package-private), so the entry is built as ExpenseBooking.book builds it: the project's job and the
 * vendor pushed first, the amount in the project's currency, the configured expense and payment accounts.
 */
@IntegrationTest
class QboBillableExpenseIntegrationTests extends QboSyncTestSupport {

	@Autowired
	ExpenseProperties expenseSettings;

	private AccountingSync sync;

	private final String vendorName = unique("Yellow Cab");

	private TransactionTemplate inTransaction;

	@BeforeEach
	void wireSync() {
		sync = newSync();
		inTransaction = new TransactionTemplate(transactions);
	}

	@Test
	void booksABillableExpenseAsAPurchaseWithOneAccountBasedLineOnTheProjectsJob() {
		UUID project = newProject(unique("Acme"));
		UUID expenseId = UUID.randomUUID();

		Booked booked = book(project, expenseId, new BigDecimal("42.50"), true, "Taxi to the client workshop");

		JsonNode purchase = fake.entity("Purchase", booked.ref().value()).orElseThrow();
		assertThat(purchase.path("PaymentType").asText()).isEqualTo("Cash");
		assertThat(purchase.path("AccountRef").path("value").asText()).isEqualTo(expenseSettings.paymentAccount());
		assertThat(purchase.path("EntityRef").path("value").asText()).isEqualTo(booked.vendor().value());
		assertThat(purchase.path("EntityRef").path("type").asText()).isEqualTo("Vendor");
		assertThat(purchase.path("TxnDate").asText()).isEqualTo("2026-11-20");
		assertThat(purchase.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
		assertThat(purchase.path("TotalAmt").decimalValue()).isEqualByComparingTo("42.50");
		assertThat(purchase.path("Line")).hasSize(1);
		JsonNode line = purchase.path("Line").get(0);
		assertThat(line.path("DetailType").asText()).isEqualTo("AccountBasedExpenseLineDetail");
		assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("42.50");
		assertThat(line.path("Description").asText()).isEqualTo("Taxi to the client workshop");
		JsonNode detail = line.path("AccountBasedExpenseLineDetail");
		assertThat(detail.path("AccountRef").path("value").asText()).isEqualTo(expenseSettings.expenseAccount());
		assertThat(detail.path("CustomerRef").path("value").asText()).isEqualTo(booked.job().value());
		assertThat(detail.path("BillableStatus").asText()).isEqualTo("Billable");
		assertThat(sync.syncedExpense(expenseId)).contains(booked.ref().value());
		assertThat(fake.requestCount("/upload")).as("no receipt attached: QBO does not need it").isZero();
		assertThat(fake.requestCount("/attachable")).isZero();
	}

	@Test
	void marksAnExpenseThatIsNotBillableNotBillableAndBooksItOnce() {
		UUID project = newProject(unique("Acme"));
		UUID expenseId = UUID.randomUUID();

		Booked booked = book(project, expenseId, new BigDecimal("120.00"), false, "TRAVEL · Amtrak");
		Booked again = book(project, expenseId, new BigDecimal("120.00"), false, "TRAVEL · Amtrak");

		assertThat(again.ref()).isEqualTo(booked.ref());
		assertThat(fake.entities("Purchase")).filteredOn(p -> p.path("Id").asText().equals(booked.ref().value()))
			.singleElement()
			.satisfies(purchase -> assertThat(purchase.path("Line").get(0).path("AccountBasedExpenseLineDetail")
				.path("BillableStatus").asText()).isEqualTo("NotBillable"));
		assertThat(fake.requestCount("/purchase")).as("the second booking did not ask QBO").isEqualTo(1);
	}

	/** As ExpenseBooking.book: job and vendor first, then the purchase in the project's currency. */
	private Booked book(UUID project, UUID expenseId, BigDecimal amount, boolean billable, String description) {
		return inTransaction.execute(status -> {
			ExternalRef job = sync.setUpProject(project);
			// a vendor of its own: vendor links are per name in the shared database, each test has a fresh fake QBO
			ExternalRef vendor = sync.pushVendor(vendorName);
			String currency = clients.get(clientOf(project)).currency().getCurrencyCode();
			ExternalRef ref = sync.pushBillableExpense(new BillableExpenseEntry(expenseId, job,
					LocalDate.of(2026, 11, 20), amount, currency, vendor, expenseSettings.expenseAccount(),
					expenseSettings.paymentAccount(), billable, description));
			return new Booked(ref, job, vendor);
		});
	}

	private record Booked(ExternalRef ref, ExternalRef job, ExternalRef vendor) {
	}

}
