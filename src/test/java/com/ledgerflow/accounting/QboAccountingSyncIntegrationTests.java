package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.qbo.FakeQbo;
import com.ledgerflow.accounting.qbo.QboFixtures;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectFixture;
import com.ledgerflow.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AccountingSync} over the QBO adapter and a fake QBO, on the shared context's database (whose own provider
 * stays {@code local}: this sync is wired by hand).
 */
@IntegrationTest
class QboAccountingSyncIntegrationTests {

	@Autowired
	ExternalLinkRepository links;

	@Autowired
	ClientService clients;

	@Autowired
	ProjectService projects;

	@Autowired
	PersonService people;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	private FakeQbo fake;

	private AccountingSync sync;

	private TransactionTemplate inTransaction;

	@BeforeEach
	void wireSyncToFakeQbo() {
		fake = FakeQbo.start();
		sync = new AccountingSync(QboFixtures.accountingSystem(fake), links, clients, projects, clock, transactions);
		inTransaction = new TransactionTemplate(transactions);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void recordsARejectedPushWithQbosMessageAndClearsItOnTheNextSuccess() {
		String name = unique("Acme");
		UUID project = newProject(name);
		String sameName = fake.addCustomer(name);
		long failedBefore = failed(AccountingSync.CUSTOMER);

		assertThatThrownBy(() -> inTransaction.execute(status -> sync.setUpProject(project)))
			.isInstanceOf(AccountingRejected.class);

		ExternalLink failed = link(AccountingSync.CUSTOMER, clientOf(project));
		assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error)
			.contains("Duplicate Name Exists Error", "6240", "The name supplied already exists."));
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.ref()).isEmpty();
		assertThat(failed.lastAttemptAt()).isPresent();
		assertThat(failed(AccountingSync.CUSTOMER)).isEqualTo(failedBefore + 1);

		fake.renameCustomer(sameName, name + " (old)");
		ExternalRef job = inTransaction.execute(status -> sync.setUpProject(project));

		ExternalLink synced = link(AccountingSync.CUSTOMER, clientOf(project));
		assertThat(synced.lastError()).isEmpty();
		assertThat(synced.attempts()).isZero();
		assertThat(synced.ref()).isPresent();
		assertThat(synced.syncedAt()).isPresent();
		assertThat(sync.externalRef(AccountingSync.PROJECT, project)).contains(job);
		assertThat(failed(AccountingSync.CUSTOMER)).isEqualTo(failedBefore);
	}

	@Test
	void countsTwoFailedAttemptsWhenQboRejectsTwice() {
		String name = unique("Acme");
		UUID project = newProject(name);
		fake.addCustomer(name);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> inTransaction.execute(status -> sync.setUpProject(project)))
				.isInstanceOf(AccountingRejected.class);
		}

		assertThat(link(AccountingSync.CUSTOMER, clientOf(project)).attempts()).isEqualTo(2);
	}

	@Test
	void recordsAnUnavailableQboAndRetriesWithTheSameRequestid() {
		UUID project = newProject(unique("Acme"));
		fake.failNext(503, 4);

		assertThatThrownBy(() -> inTransaction.execute(status -> sync.setUpProject(project)))
			.isInstanceOf(com.ledgerflow.accounting.qbo.QboUnavailable.class);
		ExternalLink failed = link(AccountingSync.CUSTOMER, clientOf(project));
		assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error).contains("503"));
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.rejections()).as("a technical failure is no refusal").isZero();

		inTransaction.execute(status -> sync.setUpProject(project));

		List<String> customerCreates = fake.requests()
			.stream()
			.filter(FakeQbo.Request::isWrite)
			.filter(write -> !write.body().contains("\"Job\":true"))
			.map(write -> write.params().get("requestid"))
			.distinct()
			.toList();
		assertThat(customerCreates).as("one requestid over all attempts").hasSize(1);
		assertThat(link(AccountingSync.CUSTOMER, clientOf(project)).lastError()).isEmpty();
	}

	@Test
	void createsTheCustomerAndJobOnceWhenTheFirstPushCrashesBeforeItsCommit() {
		UUID project = newProject(unique("Acme"));

		assertThatThrownBy(() -> inTransaction.execute(status -> {
			sync.setUpProject(project);
			throw new IllegalStateException("simulated crash after the QBO calls, before the commit");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(sync.externalRef(AccountingSync.CUSTOMER, clientOf(project))).as("rolled back").isEmpty();
		assertThat(fake.customers()).hasSize(2);

		ExternalRef job = inTransaction.execute(status -> sync.setUpProject(project));

		List<JsonNode> stored = fake.customers();
		assertThat(stored).as("requestid replay: one customer, one job").hasSize(2);
		assertThat(sync.externalRef(AccountingSync.CUSTOMER, clientOf(project)))
			.contains(new ExternalRef(stored.get(0).path("Id").asText()));
		assertThat(job.value()).isEqualTo(stored.get(1).path("Id").asText());
		assertThat(stored.get(1).path("ParentRef").path("value").asText()).isEqualTo(stored.get(0).path("Id").asText());
		assertThat(fake.requestCount("/customer")).as("each create was sent twice").isEqualTo(4);
	}

	private UUID newProject(String clientName) {
		UUID client = clients.create(ClientFixture.details(clientName)).id();
		String user = "qbo-" + UUID.randomUUID().toString().substring(0, 8);
		UUID manager = people.create(new PersonDetails("Pat " + user, user + "@firm.test", user,
				new BigDecimal("60.00"), new BigDecimal("150.00"), null))
			.id();
		String code = "Q-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return projects.propose(ProjectFixture.details(client, code, "Website relaunch", manager)).id();
	}

	private UUID clientOf(UUID project) {
		return projects.get(project).clientId();
	}

	private ExternalLink link(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId("qbo", entityType, localId).orElseThrow();
	}

	private long failed(String entityType) {
		return sync.statusCounts()
			.stream()
			.filter(count -> count.entityType().equals(entityType))
			.mapToLong(SyncStatusCount::failed)
			.sum();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
