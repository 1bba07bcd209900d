package com.ledgerflow.accounting;

import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.qbo.QboUnavailable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
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
class AccountingRejectionTransactionIntegrationTests extends QboSyncTestSupport {

	private AccountingSync sync;

	/** Like the engine's command: the caller's transaction, which the delegate joins. */
	private TransactionTemplate job;

	@BeforeEach
	void wireTransactionalSync() {
		var proxy = new ProxyFactory(newSync());
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
		sync = (AccountingSync) proxy.getProxy();
		job = new TransactionTemplate(transactions);
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




}
