package com.ledgerflow.expense;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.AccountingSyncStatus;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.UnmatchedChange;
import com.ledgerflow.client.ClientFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Expenses entered directly in the accounting system (here the local ledger, written through the port as someone
 * else than Ledgerflow's booking would) arrive as {@link AccountingChangeReceived} and become draft expenses with
 * origin QBO: once, whatever is delivered twice; never for Ledgerflow's own booking; and listed on the sync page when
 * they cannot be taken over.
 */
@IntegrationTest
class ReceivedPurchaseIntegrationTests extends ApiTestSupport {

	@Autowired
	AccountingSystem accounting;

	@Autowired
	AccountingSync sync;

	@Autowired
	AccountingSyncStatus syncStatus;

	@Autowired
	ExpenseRepository expenses;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@LocalServerPort
	int port;

	UUID manager;

	UUID project;

	ExternalRef job;

	ExternalRef vendor;

	LocalDate yesterday;

	@BeforeEach
	void projectSetUpInAccounting() {
		manager = newPerson();
		project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		job = sync.setUpProject(project);
		vendor = accounting.upsertVendor(unique("Norton Lumber"));
		yesterday = LocalDate.now(zone).minusDays(1);
	}

	@Test
	void aPurchaseOnTheProjectsJobBecomesADraftExpenseOfTheManagerWithOriginQbo() {
		ExternalRef purchase = enteredInAccounting(job, "103.55", "USD", true, "Lumber");

		received(purchase, "Create");

		Expense expense = awaitExpense(purchase);
		assertThat(expense.origin()).isEqualTo(ExpenseOrigin.QBO);
		assertThat(expense.status()).isEqualTo(ExpenseStatus.DRAFT);
		assertThat(expense.personId()).as("a purchase names no employee: the manager's").isEqualTo(manager);
		assertThat(expense.projectId()).isEqualTo(project);
		assertThat(expense.date()).isEqualTo(yesterday);
		assertThat(expense.vendor()).startsWith("Norton Lumber");
		assertThat(expense.category()).isEqualTo("OTHER");
		assertThat(expense.description()).isEqualTo("Lumber");
		assertThat(expense.amount()).isEqualByComparingTo("103.55");
		assertThat(expense.currency()).isEqualTo("USD");
		assertThat(expense.exchangeRate()).isEqualByComparingTo("1");
		assertThat(expense.projectAmount()).isEqualByComparingTo("103.55");
		assertThat(expense.billable()).isTrue();
		assertThat(expense.markupPercent()).isEqualByComparingTo("0");
	}

	@Test
	void theSameChangeTwiceAndCreateThenUpdateMakeOneExpense() {
		ExternalRef purchase = enteredInAccounting(job, "20.00", "USD", false, "Team lunch");

		received(purchase, "Create");
		received(purchase, "Create");
		received(purchase, "Update");
		awaitHandled(purchase);

		assertThat(jdbc.queryForObject("select count(*) from expense where external_id like ?", Integer.class,
				purchase.value() + ":%")).isEqualTo(1);
		assertThat(awaitExpense(purchase).billable()).isFalse();
		assertThat(unmatched(purchase)).isEmpty();
	}

	@Test
	void aDeletedPurchaseDeletesItsDraftButALockedExpenseStaysAndIsListed() {
		ExternalRef purchase = enteredInAccounting(job, "30.00", "USD", true, "Typo");
		received(purchase, "Create");
		UUID expense = awaitExpense(purchase).id();
		jdbc.update("update expense set status = 'SUBMITTED' where id = ?", expense);

		received(purchase, "Delete");
		awaitHandled(purchase);

		assertThat(expenses.findById(expense)).get().satisfies(kept -> {
			assertThat(kept.status()).isEqualTo(ExpenseStatus.SUBMITTED);
		});
		assertThat(unmatched(purchase)).get().satisfies(change -> assertThat(change.reason()).contains("SUBMITTED"));

		jdbc.update("update expense set status = 'DRAFT' where id = ?", expense);
		received(purchase, "Delete");
		awaitHandled(purchase);
		assertThat(expenses.findById(expense)).isEmpty();
		assertThat(unmatched(purchase)).isEmpty();
	}

	@Test
	void anExpenseLedgerflowBookedItselfDoesNotComeBack() {
		BillableExpenseEntry own = entry(job, "75.00", "USD", true, "Booked by Ledgerflow");
		ExternalRef purchase = sync.pushBillableExpense(own);

		received(purchase, "Create");
		awaitHandled(purchase);

		assertThat(expenses.findByExternalIdStartingWith(purchase.value() + ":")).isEmpty();
		assertThat(unmatched(purchase)).isEmpty();
	}

	@Test
	void aPurchaseOnAnUnknownJobIsListedOnTheSyncPageNotLost() {
		ExternalRef stranger = accounting.pushCustomer(ClientFixture.client(unique("Stranger")), Optional.empty());
		ExternalRef purchase = enteredInAccounting(stranger, "50.00", "USD", true, "Whose is this?");

		received(purchase, "Create");
		awaitHandled(purchase);

		assertThat(expenses.findByExternalIdStartingWith(purchase.value() + ":")).isEmpty();
		assertThat(unmatched(purchase)).get()
			.satisfies(change -> assertThat(change.reason()).contains(stranger.value(), "no Ledgerflow project"));
		TestUsers.ensure(staff);
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/accounting/sync").body();
		Matcher row = Pattern.compile("data-external-id=\"Purchase:" + Pattern.quote(purchase.value())
				+ "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("row of the purchase on the sync page").isTrue();
		assertThat(row.group(1)).contains("no Ledgerflow project");
	}

	@Test
	void aPurchaseInAnotherCurrencyThanTheProjectsIsListedForItsMissingRate() {
		ExternalRef purchase = enteredInAccounting(job, "80.00", "EUR", true, "Train ticket");

		received(purchase, "Create");
		awaitHandled(purchase);

		assertThat(expenses.findByExternalIdStartingWith(purchase.value() + ":")).isEmpty();
		assertThat(unmatched(purchase)).get()
			.satisfies(change -> assertThat(change.reason()).contains("exchangeRate", "EUR"));
	}

	/** Someone books an expense in the ledger directly: no Ledgerflow expense behind it, so no link to it. */
	private ExternalRef enteredInAccounting(ExternalRef customer, String amount, String currency, boolean billable,
			String description) {
		return accounting.pushBillableExpense(entry(customer, amount, currency, billable, description));
	}

	private BillableExpenseEntry entry(ExternalRef customer, String amount, String currency, boolean billable,
			String description) {
		return new BillableExpenseEntry(UUID.randomUUID(), customer, yesterday, new BigDecimal(amount), currency,
				vendor, "64", "35", billable, description);
	}

	/** What the inbox does with a reported change: published in a transaction, handled after its commit. */
	private void received(ExternalRef purchase, String operation) {
		AccountingChangeReceived change = new AccountingChangeReceived("Purchase", purchase.value(), operation);
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(change));
	}

	private Expense awaitExpense(ExternalRef purchase) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> expenses.findByExternalId(purchase.value() + ":1"), Optional::isPresent)
			.orElseThrow();
	}

	/** Every change of the purchase published so far was handled (its publication completed). */
	private void awaitHandled(ExternalRef purchase) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("""
					select count(*) from event_publication
					where completion_date is null and serialized_event like ?""", Integer.class,
					"%\"" + purchase.value() + "\"%") == 0);
	}

	private Optional<UnmatchedChange> unmatched(ExternalRef purchase) {
		return syncStatus.unmatched()
			.stream()
			.filter(change -> change.entity().equals("Purchase") && change.externalId().equals(purchase.value()))
			.findFirst();
	}

}
