package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.qbo.FakeQbo;
import com.ledgerflow.accounting.qbo.QboFixtures;
import com.ledgerflow.accounting.qbo.QboUnavailable;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectFixture;
import com.ledgerflow.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The process engine runs a job in one Spring transaction and the delegate calls {@link AccountingSync} inside it. A
 * refusal becomes a BPMN error that the model routes on, so it must leave that transaction committable; a technical
 * failure must not (the job fails and is retried). {@link AccountingSync} over the QBO adapter and a fake QBO, wired
 * by hand and wrapped in the same transaction advice Spring gives the bean.
 */
@IntegrationTest
class AccountingRejectionTransactionIntegrationTests {

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

	/** Like the engine's command: the caller's transaction, which the delegate joins. */
	private TransactionTemplate job;

	@BeforeEach
	void wireTransactionalSyncToFakeQbo() {
		fake = FakeQbo.start();
		var target = new AccountingSync(QboFixtures.accountingSystem(fake), links, clients, projects, clock,
				transactions);
		var proxy = new ProxyFactory(target);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
		sync = (AccountingSync) proxy.getProxy();
		job = new TransactionTemplate(transactions);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void aRefusalLeavesTheCallersTransactionCommittableSoTheProcessCanRouteOnIt() {
		String name = unique("Acme");
		UUID project = newProject(name);
		fake.addCustomer(name);

		String routed = job.execute(status -> {
			try {
				sync.setUpProject(project);
				return "set up";
			}
			catch (AccountingRejected rejected) {
				return "rejected: " + rejected.code();
			}
		});

		assertThat(routed).isEqualTo("rejected: 6240");
		assertThat(links.findBySystemAndEntityTypeAndLocalId("qbo", AccountingSync.CUSTOMER, clientOf(project)))
			.hasValueSatisfying(link -> assertThat(link.lastError()).isPresent());
	}

	@Test
	void aTechnicalFailureStillRollsTheCallersTransactionBackSoTheJobIsRetried() {
		UUID project = newProject(unique("Acme"));
		fake.failNext(503, 4);

		assertThatThrownBy(() -> job.executeWithoutResult(status -> {
			try {
				sync.setUpProject(project);
			}
			catch (QboUnavailable ex) {
				// swallowed here only to show that the transaction is already marked for rollback
			}
		})).isInstanceOf(UnexpectedRollbackException.class);
	}

	private UUID newProject(String clientName) {
		UUID client = clients.create(ClientFixture.details(clientName)).id();
		String user = "rej-" + UUID.randomUUID().toString().substring(0, 8);
		UUID manager = people.create(new PersonDetails("Pat " + user, user + "@firm.test", user,
				new BigDecimal("60.00"), new BigDecimal("150.00"), null))
			.id();
		String code = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return projects.propose(ProjectFixture.details(client, code, "Website relaunch", manager)).id();
	}

	private UUID clientOf(UUID project) {
		return projects.get(project).clientId();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
