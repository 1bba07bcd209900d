package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Base of the tests of {@link AccountingSync} over the QBO adapter and a fake QBO on the shared context's database
 * (whose own provider stays {@code local}: the sync is wired by hand), with builders for the data they need.
 */
abstract class QboSyncTestSupport {

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

	FakeQbo fake;

	AccountingSystem accounting;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
		accounting = QboFixtures.accountingSystem(fake);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	AccountingSync newSync() {
		return new AccountingSync(accounting, links, clients, projects, clock, transactions, "1");
	}

	UUID newProject(String clientName) {
		UUID client = clients.create(ClientFixture.details(clientName)).id();
		String user = "qbo-" + UUID.randomUUID().toString().substring(0, 8);
		UUID manager = people.create(new PersonDetails("Pat " + user, user + "@firm.test", user,
				new BigDecimal("60.00"), new BigDecimal("150.00"), null))
			.id();
		String code = "Q-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return projects.propose(ProjectFixture.details(client, code, "Website relaunch", manager)).id();
	}

	UUID clientOf(UUID project) {
		return projects.get(project).clientId();
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
