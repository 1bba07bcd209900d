package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.qbo.FakeQbo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AccountingSync} over the QBO adapter and a fake QBO, on the shared context's database (whose own provider
 * stays {@code local}: this sync is wired by hand).
 */
@IntegrationTest
class QboAccountingSyncIntegrationTests extends QboSyncTestSupport {

	private AccountingSync sync;

	@Autowired
	JdbcTemplate jdbc;

	private TransactionTemplate inTransaction;

	@BeforeEach
	void wireSync() {
		sync = newSync();
		inTransaction = new TransactionTemplate(transactions);
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

	@Test
	void postsAnInvoiceExactlyOnceWhenTheFirstPostCrashedAfterQboAnsweredAndBeforeTheCommit() {
		InvoiceDraft draft = invoiceOn(inTransaction.execute(status -> sync.setUpProject(newProject(unique("Acme")))));

		assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
			sync.postInvoice(draft);
			throw new IllegalStateException("crash after the QBO call, before the commit");
		})).hasMessageContaining("crash");
		assertThat(fake.entities("Invoice")).as("QBO booked it").hasSize(1);
		assertThat(sync.externalRef(AccountingSync.INVOICE, draft.localId())).as("our commit was lost").isEmpty();

		ExternalRef ref = inTransaction.execute(status -> sync.postInvoice(draft).id());

		assertThat(fake.entities("Invoice")).as("requestid replay: still one invoice")
			.singleElement()
			.satisfies(invoice -> assertThat(invoice.path("Id").asText()).isEqualTo(ref.value()));
		assertThat(sync.externalRef(AccountingSync.INVOICE, draft.localId())).contains(ref);
		assertThat(sync.postInvoice(draft).id()).isEqualTo(ref);
		assertThat(fake.requestCount("/invoice")).as("the third post did not ask QBO").isEqualTo(2);
		assertThat(sync.invoiceStatus(draft.localId()).balance()).isEqualByComparingTo("100.00");
	}

	/**
	 * A write-off is a credit memo on the "Bad debt" item applied by a payment of 0, booked once even when the first
	 * attempt crashed after QBO answered; that payment never comes back as a customer payment.
	 */
	@Test
	void writesAnInvoiceOffOnceAndItsPaymentIsNoCustomerPayment() {
		InvoiceDraft draft = invoiceOn(inTransaction.execute(status -> sync.setUpProject(newProject(unique("Acme")))));
		inTransaction.execute(status -> sync.postInvoice(draft));
		LocalDate day = LocalDate.of(2027, 1, 20);
		BigDecimal open = new BigDecimal("100.00");

		assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
			sync.writeOffInvoice(draft.localId(), open, day, "Client insolvent");
			throw new IllegalStateException("crash after the QBO calls, before the commit");
		})).hasMessageContaining("crash");
		assertThat(sync.invoiceStatus(draft.localId()).balance()).as("QBO booked it").isEqualByComparingTo("0");

		ExternalRef ref = inTransaction
			.execute(status -> sync.writeOffInvoice(draft.localId(), open, day, "Client insolvent"))
			.orElseThrow();

		JsonNode invoice = fake.entities("Invoice").get(0);
		assertThat(fake.entities("CreditMemo")).as("requestid replay: one credit memo").singleElement().satisfies(memo -> {
			assertThat(memo.path("TotalAmt").decimalValue()).isEqualByComparingTo("100.00");
			assertThat(memo.path("Balance").decimalValue()).as("all applied").isEqualByComparingTo("0");
			assertThat(memo.path("CustomerRef").path("value")).isEqualTo(invoice.path("CustomerRef").path("value"));
			assertThat(memo.path("PrivateNote").asText()).isEqualTo("Client insolvent");
		});
		assertThat(fake.entities("Payment")).singleElement().satisfies(payment -> {
			assertThat(payment.path("Id").asText()).isEqualTo(ref.value());
			assertThat(payment.path("TotalAmt").decimalValue()).isEqualByComparingTo("0");
		});
		assertThat(fake.entities("Item")).filteredOn(item -> item.path("Name").asText().equals("Bad debt")).hasSize(1);
		assertThat(sync.writeOffInvoice(draft.localId(), open, day, "again")).as("a repeat books nothing").contains(ref);
		assertThat(fake.entities("Payment")).hasSize(1);
		assertThat(new ReceivedPayments(accounting, links, new UnmatchedChanges(accounting, jdbc, clock)).read(ref.value()))
			.as("its own echo")
			.isEmpty();
	}

	@Test
	void voidsAPostedInvoiceByItsLocalId() {
		InvoiceDraft draft = invoiceOn(inTransaction.execute(status -> sync.setUpProject(newProject(unique("Acme")))));
		inTransaction.execute(status -> sync.postInvoice(draft));

		sync.voidInvoice(draft.localId());

		assertThat(sync.invoiceStatus(draft.localId()).voided()).isTrue();
		assertThat(sync.invoiceStatus(draft.localId()).balance()).isEqualByComparingTo("0");
	}

	@Test
	void pushesOnlyTimeActivitiesNotSyncedYetAndRecordsARefusedOneOnItsLink() {
		ExternalRef job = inTransaction.execute(status -> sync.setUpProject(newProject(unique("Acme"))));
		ExternalRef item = accounting.upsertServiceItem(unique("Design"), "79");
		ExternalRef employee = accounting.upsertEmployee(new AccountingPerson("Emily", unique("Platt"), null));
		List<TimeActivityEntry> entries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			entries.add(new TimeActivityEntry(UUID.randomUUID(), job, employee, item, LocalDate.of(2026, 11, 2), 60,
					new BigDecimal("150.00"), true, "Design " + i));
		}
		fake.rejectNext("TimeActivity", "6000", 1);

		List<PushOutcome> first = inTransaction.execute(status -> sync.pushTimeActivities(entries));

		assertThat(first).filteredOn(PushOutcome::succeeded).hasSize(4);
		ExternalLink refused = link(AccountingSync.TIME_ACTIVITY, entries.get(0).localId());
		assertThat(refused.ref()).isEmpty();
		assertThat(refused.lastError()).hasValueSatisfying(error -> assertThat(error).contains("6000"));
		assertThat(refused.rejections()).isEqualTo(1);

		List<PushOutcome> again = inTransaction.execute(status -> sync.pushTimeActivities(entries));

		assertThat(again).allMatch(PushOutcome::succeeded);
		assertThat(again.subList(1, 5)).isEqualTo(first.subList(1, 5));
		assertThat(fake.requestCount("/batch")).as("synced entries were not sent again").isEqualTo(1);
		assertThat(fake.entities("TimeActivity")).hasSize(5);
		assertThat(link(AccountingSync.TIME_ACTIVITY, entries.get(0).localId()).lastError()).isEmpty();
	}

	@Test
	void aBatchRetriedAfterAPartFailureAndACrashCreatesEachTimeActivityOnceWhateverTheOrder() {
		ExternalRef job = inTransaction.execute(status -> sync.setUpProject(newProject(unique("Acme"))));
		ExternalRef item = accounting.upsertServiceItem(unique("Design"), "79");
		ExternalRef employee = accounting.upsertEmployee(new AccountingPerson("Emily", unique("Platt"), null));
		List<TimeActivityEntry> entries = new ArrayList<>();
		for (int i = 0; i < 35; i++) {
			entries.add(new TimeActivityEntry(UUID.randomUUID(), job, employee, item, LocalDate.of(2026, 11, 2), 60,
					new BigDecimal("150.00"), true, "Design " + i));
		}
		fake.rejectNext("TimeActivity", "6000", 1);
		assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
			sync.pushTimeActivities(entries);
			throw new IllegalStateException("crash after QBO booked both batches, before the commit");
		})).hasMessageContaining("crash");
		assertThat(fake.entities("TimeActivity")).as("QBO booked all but the refused one").hasSize(34);

		// the caller asks again in another order, with a new entry first: the chunks must not shift
		List<TimeActivityEntry> retry = new ArrayList<>(entries);
		java.util.Collections.reverse(retry);
		retry.add(0, new TimeActivityEntry(UUID.randomUUID(), job, employee, item, LocalDate.of(2026, 11, 3), 30,
				new BigDecimal("150.00"), true, "Design late"));
		List<PushOutcome> outcomes = inTransaction.execute(status -> sync.pushTimeActivities(retry));

		assertThat(outcomes).allMatch(PushOutcome::succeeded);
		assertThat(fake.entities("TimeActivity")).as("each entry booked once").hasSize(36);
		assertThat(outcomes.stream().map(PushOutcome::ref).distinct()).hasSize(36);
	}

	private InvoiceDraft invoiceOn(ExternalRef job) {
		ExternalRef item = accounting.upsertServiceItem(unique("Design"), "79");
		return new InvoiceDraft(UUID.randomUUID(), job, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30), "USD",
				List.of(InvoiceDraft.Line.of("Design", new BigDecimal("3"), new BigDecimal("33.33"), item, false),
						InvoiceDraft.Line.of("Rounding", BigDecimal.ONE, new BigDecimal("0.01"), item, false)),
				null);
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


}
