package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectFixture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the processes need from any {@link AccountingSystem}, run against every adapter: each subclass supplies the
 * adapter and a way to look at what it stored.
 */
public abstract class AccountingSystemContractTests {

	protected abstract AccountingSystem accounting();

	/** The customer or job the accounting system holds under {@code ref}. */
	protected abstract Stored stored(ExternalRef ref);

	/** How many time activities the accounting system holds on the job. */
	protected abstract long timeActivitiesOn(ExternalRef job);

	/** A customer pays {@code amount} of the invoice in the accounting system; returns the payment's ref. */
	protected abstract ExternalRef pay(ExternalRef invoice, BigDecimal amount);

	/** A customer or job as the accounting system holds it, in the port's terms. */
	public record Stored(String displayName, boolean job, @Nullable String parentId, boolean active) {
	}

	@Test
	void pushingANewCustomerReturnsARefToIt() {
		Client client = ClientFixture.client(unique("Acme"));

		ExternalRef ref = accounting().pushCustomer(client, Optional.empty());

		assertThat(stored(ref)).isEqualTo(new Stored(client.name(), false, null, true));
	}

	@Test
	void pushingACustomerAgainWithItsRefUpdatesItAndKeepsTheRef() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting().pushCustomer(client, Optional.empty());

		ExternalRef again = accounting().pushCustomer(ClientFixture.renamed(client, client.name() + " Inc"),
				Optional.of(ref));

		assertThat(again).isEqualTo(ref);
		assertThat(stored(ref).displayName()).isEqualTo(client.name());
		assertThat(client.name()).endsWith(" Inc");
	}

	@Test
	void aProjectBecomesAnActiveJobUnderItsCustomer() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");

		ExternalRef job = accounting().pushProject(project, customer, Optional.empty());

		assertThat(job).isNotEqualTo(customer);
		assertThat(stored(job))
			.isEqualTo(new Stored(project.code() + " Website relaunch", true, customer.value(), true));
	}

	@Test
	void pushingAProjectAgainWithItsRefKeepsTheJob() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");
		ExternalRef job = accounting().pushProject(project, customer, Optional.empty());

		assertThat(accounting().pushProject(project, customer, Optional.of(job))).isEqualTo(job);
		assertThat(stored(job).parentId()).isEqualTo(customer.value());
	}

	@Test
	void closingAProjectMarksItsJobInactiveAndClosingAgainChangesNothing() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		ExternalRef job = accounting().pushProject(ProjectFixture.project(client, code(), "Audit"), customer,
				Optional.empty());

		accounting().closeProject(job);
		accounting().closeProject(job);

		assertThat(stored(job).active()).isFalse();
		assertThat(stored(customer).active()).isTrue();
	}

	@Test
	void upsertingAServiceItemAnEmployeeAndAVendorAgainReturnsTheSameRefs() {
		String item = unique("Design");
		AccountingPerson person = new AccountingPerson("Emily", unique("Platt"), "emily@firm.test");
		String vendor = unique("Norton Lumber");

		ExternalRef itemRef = accounting().upsertServiceItem(item, INCOME_ACCOUNT);
		ExternalRef employeeRef = accounting().upsertEmployee(person);
		ExternalRef vendorRef = accounting().upsertVendor(vendor);

		assertThat(accounting().upsertServiceItem(item, INCOME_ACCOUNT)).isEqualTo(itemRef);
		assertThat(accounting().upsertEmployee(person)).isEqualTo(employeeRef);
		assertThat(accounting().upsertVendor(vendor)).isEqualTo(vendorRef);
		assertThat(List.of(itemRef, employeeRef, vendorRef)).doesNotHaveDuplicates();
	}

	@Test
	void aTimeActivityPushedTwiceIsBookedOnce() {
		Booking booking = booking();
		TimeActivityEntry entry = booking.time(90);

		ExternalRef first = accounting().pushTimeActivity(entry);
		ExternalRef again = accounting().pushTimeActivity(entry);

		assertThat(again).isEqualTo(first);
		assertThat(timeActivitiesOn(booking.job())).isEqualTo(1);
	}

	@Test
	void aBatchOfTimeActivitiesBooksEveryEntryAndReportsARefusedOneWithoutLosingTheOthers() {
		Booking booking = booking();
		List<TimeActivityEntry> entries = new ArrayList<>();
		for (int i = 0; i < 65; i++) {
			entries.add(booking.time(15 + i));
		}
		TimeActivityEntry unknownEmployee = new TimeActivityEntry(UUID.randomUUID(), booking.job(),
				new ExternalRef("E-unknown"), booking.item(), LocalDate.of(2026, 11, 2), 60, new BigDecimal("150.00"),
				true, "Nobody");
		entries.set(40, unknownEmployee);

		List<PushOutcome> outcomes = accounting().pushTimeActivities(entries);

		assertThat(outcomes).extracting(PushOutcome::localId)
			.containsExactlyElementsOf(entries.stream().map(TimeActivityEntry::localId).toList());
		assertThat(outcomes.get(40).succeeded()).isFalse();
		assertThat(outcomes.get(40).rejection()).isNotNull()
			.satisfies(rejection -> assertThat(rejection.code()).isEqualTo("610"));
		assertThat(outcomes).filteredOn(PushOutcome::succeeded).hasSize(64);
		assertThat(outcomes).filteredOn(PushOutcome::succeeded)
			.extracting(PushOutcome::ref)
			.doesNotHaveDuplicates();
		assertThat(timeActivitiesOn(booking.job())).isEqualTo(64);
	}

	@Test
	void aBookedTimeActivityReadsBackWithItsJobEmployeeDurationAndBillableRate() {
		Booking booking = booking();
		TimeActivityEntry entry = booking.time(90);
		ExternalRef ref = accounting().pushTimeActivity(entry);

		ExternalTimeActivity read = accounting().readTimeActivity(ref).orElseThrow();

		assertThat(read.id()).isEqualTo(ref);
		assertThat(read.customerOrJob()).isEqualTo(booking.job());
		assertThat(read.employee()).isEqualTo(booking.employee());
		assertThat(read.employeeName()).startsWith("Emily Platt ");
		assertThat(read.date()).isEqualTo(entry.date());
		assertThat(read.minutes()).isEqualTo(90);
		assertThat(read.description()).isEqualTo("Custom design");
		assertThat(read.billable()).isTrue();
		assertThat(read.hourlyRate()).isEqualByComparingTo("150.00");
	}

	@Test
	void aNonBillableTimeActivityReadsBackNotBillable() {
		Booking booking = booking();
		TimeActivityEntry billable = booking.time(30);
		TimeActivityEntry entry = new TimeActivityEntry(UUID.randomUUID(), billable.customerOrJob(),
				billable.employee(), billable.serviceItem(), billable.date(), 30, billable.hourlyRate(), false,
				"Internal");

		ExternalTimeActivity read = accounting().readTimeActivity(accounting().pushTimeActivity(entry)).orElseThrow();

		assertThat(read.billable()).isFalse();
		assertThat(read.minutes()).isEqualTo(30);
	}

	@Test
	void readingATimeActivityThatDoesNotExistIsEmpty() {
		assertThat(accounting().readTimeActivity(new ExternalRef("999999"))).isEmpty();
	}

	@Test
	void aBookedExpenseReadsBackAsAPurchaseWithItsLineOnTheJob() {
		Booking booking = booking();
		BillableExpenseEntry entry = booking.expense(new BigDecimal("103.55"));
		ExternalRef ref = accounting().pushBillableExpense(entry);

		ExternalPurchase read = accounting().readPurchase(ref).orElseThrow();

		assertThat(read.id()).isEqualTo(ref);
		assertThat(read.date()).isEqualTo(entry.date());
		assertThat(read.vendor()).startsWith("Norton Lumber");
		assertThat(read.currency()).isEqualTo("USD");
		assertThat(read.lines()).singleElement().satisfies(line -> {
			assertThat(line.id()).isNotBlank();
			assertThat(line.customerOrJob()).isEqualTo(booking.job());
			assertThat(line.amount()).isEqualByComparingTo("103.55");
			assertThat(line.billable()).isTrue();
			assertThat(line.description()).isEqualTo("Lumber");
		});
	}

	@Test
	void aNonBillableExpenseReadsBackNotBillable() {
		Booking booking = booking();
		BillableExpenseEntry billable = booking.expense(new BigDecimal("20.00"));
		BillableExpenseEntry entry = new BillableExpenseEntry(UUID.randomUUID(), billable.job(), billable.date(),
				billable.amount(), "USD", billable.vendor(), "64", "35", false, "Team lunch");

		ExternalPurchase read = accounting().readPurchase(accounting().pushBillableExpense(entry)).orElseThrow();

		assertThat(read.lines()).singleElement().satisfies(line -> {
			assertThat(line.billable()).isFalse();
			assertThat(line.description()).isEqualTo("Team lunch");
		});
	}

	@Test
	void readingAPurchaseThatDoesNotExistIsEmpty() {
		assertThat(accounting().readPurchase(new ExternalRef("999999"))).isEmpty();
	}

	@Test
	void aBillableExpensePushedTwiceIsBookedOnceOnTheJob() {
		Booking booking = booking();
		BillableExpenseEntry expense = booking.expense(new BigDecimal("103.55"));

		ExternalRef first = accounting().pushBillableExpense(expense);

		assertThat(accounting().pushBillableExpense(expense)).isEqualTo(first);
	}

	@Test
	void anInvoicePostsItsLinesWithTotalsExactToTheCent() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();

		PostedInvoice posted = accounting().createInvoice(draft);

		assertThat(posted.total()).isEqualByComparingTo("100.00").hasScaleOf(2);
		assertThat(posted.balance()).isEqualByComparingTo("100.00");
		assertThat(posted.docNumber()).isNotBlank();
		InvoiceStatus status = accounting().readInvoice(posted.id());
		assertThat(status).isEqualTo(new InvoiceStatus(posted.id(), posted.docNumber(), new BigDecimal("100.00"),
				new BigDecimal("100.00"), false, posted.paymentLink()));
		assertThat(accounting().createInvoice(draft)).as("posted again: the same invoice").isEqualTo(posted);
	}

	/** The tax Ledgerflow computed is the accounting system's too: it owes what the client was sent. */
	@Test
	void aTaxedInvoiceOwesItsLinesPlusTheTaxGiven() {
		Booking booking = booking();
		InvoiceDraft untaxed = booking.invoice();
		InvoiceDraft draft = new InvoiceDraft(untaxed.localId(), untaxed.customerOrJob(), untaxed.issueDate(),
				untaxed.dueDate(), untaxed.currency(), untaxed.lines(), null, new BigDecimal("8.88"));

		PostedInvoice posted = accounting().createInvoice(draft);

		assertThat(posted.total()).isEqualByComparingTo("108.88");
		assertThat(posted.balance()).isEqualByComparingTo("108.88");
		assertThat(accounting().readInvoice(posted.id()).balance()).isEqualByComparingTo("108.88");
	}

	@Test
	void aVoidedInvoiceIsVoidedWithNothingOwedAndVoidingAgainChangesNothing() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();
		PostedInvoice posted = accounting().createInvoice(draft);

		accounting().voidInvoice(draft.localId(), posted.id());
		accounting().voidInvoice(draft.localId(), posted.id());

		InvoiceStatus status = accounting().readInvoice(posted.id());
		assertThat(status.voided()).isTrue();
		assertThat(status.balance()).isEqualByComparingTo("0.00");
		assertThat(status.paid()).isFalse();
	}

	@Test
	void aPaymentLowersTheInvoicesBalance() {
		Booking booking = booking();
		PostedInvoice posted = accounting().createInvoice(booking.invoice());

		pay(posted.id(), new BigDecimal("40.00"));

		assertThat(accounting().readInvoice(posted.id()).balance()).isEqualByComparingTo("60.00");
	}

	@Test
	void aPaymentRecordedInLedgerflowIsBookedOnceWithItsExcessUnappliedAndReadBackAsLedgerflows() {
		Booking booking = booking();
		PostedInvoice posted = accounting().createInvoice(booking.invoice());
		PaymentEntry payment = new PaymentEntry(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("120.00"),
				new BigDecimal("100.00"), LocalDate.of(2026, 12, 1), "CHK-1001");

		ExternalRef first = accounting().pushPayment(payment, posted.id(), 0);
		ExternalRef again = accounting().pushPayment(payment, posted.id(), 0);

		assertThat(again).as("booked again: the first booking").isEqualTo(first);
		assertThat(accounting().readInvoice(posted.id()).balance()).isEqualByComparingTo("0.00");
		ExternalPayment booked = accounting().readPayment(first).orElseThrow();
		assertThat(booked.total()).isEqualByComparingTo("120.00");
		assertThat(booked.date()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(booked.applications())
			.containsExactly(new ExternalPayment.Application(posted.id(), new BigDecimal("100.00")));
		assertThat(booked.bookedFor()).isEqualTo(payment.localId());
	}

	@Test
	void aPaymentOfAnInvoiceThatOwesNothingInAccountingIsBookedUnapplied() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();
		PostedInvoice posted = accounting().createInvoice(draft);
		ExternalRef badDebt = accounting().upsertServiceItem(unique("Bad debt"), "BAD-DEBT");
		accounting().writeOffInvoice(new InvoiceWriteOff(draft.localId(), posted.id(), badDebt,
				new BigDecimal("100.00"), LocalDate.of(2027, 1, 20), "Client insolvent"));
		PaymentEntry late = new PaymentEntry(UUID.randomUUID(), draft.localId(), new BigDecimal("30.00"),
				new BigDecimal("30.00"), LocalDate.of(2027, 2, 1), null);

		ExternalPayment booked = accounting().readPayment(accounting().pushPayment(late, posted.id(), 0))
			.orElseThrow();

		assertThat(booked.total()).isEqualByComparingTo("30.00");
		assertThat(booked.applications()).isEmpty();
		assertThat(accounting().readInvoice(posted.id()).balance()).isEqualByComparingTo("0.00");
	}

	@Test
	void aWrittenOffInvoiceOwesNothingAndWritingItOffAgainBooksNothing() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();
		PostedInvoice posted = accounting().createInvoice(draft);
		pay(posted.id(), new BigDecimal("40.00"));
		ExternalRef badDebt = accounting().upsertServiceItem(unique("Bad debt"), "BAD-DEBT");
		InvoiceWriteOff writeOff = new InvoiceWriteOff(draft.localId(), posted.id(), badDebt, new BigDecimal("60.00"),
				LocalDate.of(2027, 1, 20), "Client insolvent");

		ExternalRef first = accounting().writeOffInvoice(writeOff);
		ExternalRef again = accounting().writeOffInvoice(writeOff);

		assertThat(again).as("written off again: the first write-off").isEqualTo(first);
		InvoiceStatus status = accounting().readInvoice(posted.id());
		assertThat(status.balance()).isEqualByComparingTo("0.00");
		assertThat(status.voided()).isFalse();
		assertThat(status.total()).isEqualByComparingTo("100.00");
	}

	@Test
	void writingOffMoreThanTheInvoiceOwesIsRefused() {
		Booking booking = booking();
		InvoiceDraft draft = booking.invoice();
		PostedInvoice posted = accounting().createInvoice(draft);
		ExternalRef badDebt = accounting().upsertServiceItem(unique("Bad debt"), "BAD-DEBT");

		assertThatThrownBy(() -> accounting().writeOffInvoice(new InvoiceWriteOff(draft.localId(), posted.id(),
				badDebt, new BigDecimal("100.01"), LocalDate.of(2027, 1, 20), "Client insolvent")))
			.isInstanceOf(AccountingRejected.class);
		assertThat(accounting().readInvoice(posted.id()).balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void changesSinceACursorHoldWhatChangedAfterItAndNothingBefore() {
		Booking booking = booking();
		PostedInvoice before = accounting().createInvoice(booking.invoice());
		String cursor = latestCursor();

		PostedInvoice after = accounting().createInvoice(booking.invoice());
		ExternalRef payment = pay(after.id(), new BigDecimal("100.00"));
		ChangesPage page = accounting().changesSince(cursor);

		assertThat(page.changes()).extracting(change -> change.entity() + " " + change.id().value())
			.contains("Invoice " + after.id().value(), "Payment " + payment.value())
			.doesNotContain("Invoice " + before.id().value());
		assertThat(accounting().changesSince(latestCursor()).changes()).isEmpty();
	}

	/** The cursor after every change so far (the local ledger pages its answers). */
	private String latestCursor() {
		ChangesPage page = accounting().changesSince(null);
		while (!page.changes().isEmpty()) {
			page = accounting().changesSince(page.nextCursor());
		}
		return page.nextCursor();
	}

	protected static final String INCOME_ACCOUNT = "79";

	/** A fresh client's job with a service item, an employee and a vendor to book against. */
	protected Booking booking() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting().pushCustomer(client, Optional.empty());
		ExternalRef job = accounting().pushProject(ProjectFixture.project(client, code(), "Garden"), customer,
				Optional.empty());
		return new Booking(job, accounting().upsertServiceItem(unique("Design"), INCOME_ACCOUNT),
				accounting().upsertEmployee(new AccountingPerson("Emily", unique("Platt"), null)),
				accounting().upsertVendor(unique("Norton Lumber")));
	}

	/** What a test books against. */
	protected record Booking(ExternalRef job, ExternalRef item, ExternalRef employee, ExternalRef vendor) {

		public TimeActivityEntry time(int minutes) {
			return new TimeActivityEntry(UUID.randomUUID(), job, employee, item, LocalDate.of(2026, 11, 2), minutes,
					new BigDecimal("150.00"), true, "Custom design");
		}

		public BillableExpenseEntry expense(BigDecimal amount) {
			return new BillableExpenseEntry(UUID.randomUUID(), job, LocalDate.of(2026, 11, 6), amount, "USD", vendor,
					"64", "35", true, "Lumber");
		}

		/** 3 × 33.33 + 1 × 0.01 = 100.00. */
		public InvoiceDraft invoice() {
			return new InvoiceDraft(UUID.randomUUID(), job, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30),
					"USD", List.of(InvoiceDraft.Line.of("Design", new BigDecimal("3"), new BigDecimal("33.33"), item,
							false), InvoiceDraft.Line.of("Rounding", BigDecimal.ONE, new BigDecimal("0.01"), item, false)),
					null);
		}

	}

	protected static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	protected static String code() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
