package com.ledgerflow.accounting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;
import org.jspecify.annotations.Nullable;

/**
 * What Ledgerflow needs from a bookkeeping system; implemented by {@code local} and (later) {@code qbo}, picked by
 * {@code ledgerflow.accounting.provider}. Adapters are stateless; {@link AccountingSync} passes what it knows.
 */
public interface AccountingSystem {

	/** The provider name stored with every external link ({@code local}, {@code qbo}). */
	String name();

	/** Creates the client as a customer, or updates the existing one. */
	ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing);

	/**
	 * {@link #pushCustomer(Client, Optional)} after {@code rejectedBefore} pushes of this client were refused with
	 * {@link AccountingRejected}. An adapter whose writes are idempotent by request key must not reuse the key of a
	 * refused write (the system may answer the same refusal again, even after the cause was fixed), and must reuse
	 * it otherwise (a push repeated after a crash returns the record created the first time).
	 */
	default ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing, int rejectedBefore) {
		return pushCustomer(client, existing);
	}

	/** Creates the project as a sub-customer job under the client, or updates the existing one. */
	ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing);

	/** {@link #pushProject(Project, ExternalRef, Optional)} after {@code rejectedBefore} refused pushes of it. */
	default ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing,
			int rejectedBefore) {
		return pushProject(project, customer, existing);
	}

	/** Marks the project's job inactive; closing a closed job is a no-op. */
	void closeProject(ExternalRef project);

	/**
	 * The service item (QBO: {@code Item} of type {@code Service}) named {@code name}, created if there is none;
	 * {@code incomeAccountRef} is the income account a new item books to.
	 */
	ExternalRef upsertServiceItem(String name, String incomeAccountRef);

	/** The employee with the person's display name, created if there is none. */
	ExternalRef upsertEmployee(AccountingPerson person);

	/** The vendor named {@code displayName}, created if there is none. */
	ExternalRef upsertVendor(String displayName);

	/**
	 * Books the time activity once per {@code localId}: pushed again (after a crash, a timeout), it returns the
	 * activity booked the first time. A refused activity throws {@link AccountingRejected}.
	 */
	ExternalRef pushTimeActivity(TimeActivityEntry entry);

	/** {@link #pushTimeActivity(TimeActivityEntry)} after {@code rejectedBefore} refused pushes of it. */
	default ExternalRef pushTimeActivity(TimeActivityEntry entry, int rejectedBefore) {
		return pushTimeActivity(entry);
	}

	/**
	 * Books many time activities, as few requests as the system allows (QBO: {@code /batch} of at most 30). One
	 * outcome per entry, in order; a refused entry is reported in its outcome and does not stop the others.
	 * Technical failures (system unreachable) throw. Entries should not have been pushed before: a batch is
	 * idempotent only as a whole.
	 */
	List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries);

	/** How many entries one {@link #pushTimeActivities(List, String)} takes at most (QBO: 30). */
	default int timeActivityBatchSize() {
		return Integer.MAX_VALUE;
	}

	/**
	 * Books at most {@link #timeActivityBatchSize()} time activities in one request keyed by {@code batchKey}: sent
	 * again under the same key (after a crash, a timeout), also with only some of its first entries, it answers what
	 * was booked the first time. One outcome per entry, in order, as {@link #pushTimeActivities(List)}.
	 */
	default List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries, String batchKey) {
		return pushTimeActivities(entries);
	}

	/** Books the expense once per {@code localId} (QBO: a {@code Purchase} on the job). */
	ExternalRef pushBillableExpense(BillableExpenseEntry entry);

	/** {@link #pushBillableExpense(BillableExpenseEntry)} after {@code rejectedBefore} refused pushes of it. */
	default ExternalRef pushBillableExpense(BillableExpenseEntry entry, int rejectedBefore) {
		return pushBillableExpense(entry);
	}

	/**
	 * Posts the invoice once per {@code localId}: posted again, it returns the invoice posted the first time (same id
	 * and number). Amounts are exact to the cent.
	 */
	PostedInvoice createInvoice(InvoiceDraft draft);

	/** {@link #createInvoice(InvoiceDraft)} after {@code rejectedBefore} refused posts of it. */
	default PostedInvoice createInvoice(InvoiceDraft draft, int rejectedBefore) {
		return createInvoice(draft);
	}

	/** Voids the invoice (it then owes nothing); {@code localId} keys the write. Voiding twice is a no-op. */
	void voidInvoice(UUID localId, ExternalRef invoice);

	/**
	 * Writes the amount off the invoice as bad debt, so it owes that much less (QBO: a {@code CreditMemo} on the
	 * bad-debt item for the invoice's customer, applied to the invoice by a {@code Payment} of 0). Booked once per
	 * {@link InvoiceWriteOff#localId()}: written off again (after a crash, a timeout), it returns the ref of the first
	 * write-off and books nothing. Returns the record that settles the invoice (QBO: the {@code Payment}; it comes back
	 * through the change feed and must be ignored there). An amount above the open balance is refused
	 * ({@link AccountingRejected}).
	 */
	ExternalRef writeOffInvoice(InvoiceWriteOff writeOff);

	/**
	 * Books a payment recorded in Ledgerflow against the posted {@code invoice}, once per
	 * {@link PaymentEntry#localId()}: booked again (after a crash, a timeout), it returns the payment booked the first
	 * time. The whole amount is booked as received from the invoice's customer; the applied part pays the invoice, as
	 * far as the invoice is still open there (a written-off or voided invoice owes nothing), and the rest stays the
	 * customer's unapplied credit. The booked payment comes back through the change feed and must be ignored there
	 * (QBO: its {@code PrivateNote} starts with {@link PaymentEntry#MARKER} and the local id). A refusal throws
	 * {@link AccountingRejected}; {@code rejectedBefore} as in {@link #pushCustomer(Client, Optional, int)}.
	 */
	ExternalRef pushPayment(PaymentEntry payment, ExternalRef invoice, int rejectedBefore);

	/** The invoice as it is now: total, open balance, voided. */
	InvoiceStatus readInvoice(ExternalRef invoice);

	/**
	 * The time activity as the accounting system holds it now, whoever entered it; empty when there is none under
	 * that id (deleted, or never existed). Reads only: idempotent.
	 */
	Optional<ExternalTimeActivity> readTimeActivity(ExternalRef timeActivity);

	/**
	 * The purchase (an expense paid) as the accounting system holds it now, whoever entered it, with its lines on a
	 * customer or job; empty when there is none under that id (deleted, or never existed). Reads only: idempotent.
	 */
	Optional<ExternalPurchase> readPurchase(ExternalRef purchase);

	/**
	 * The payment as the accounting system holds it now, whoever entered it, with the parts applied to invoices; empty
	 * when there is none under that id (deleted, or never existed). Reads only: idempotent.
	 */
	Optional<ExternalPayment> readPayment(ExternalRef payment);

	/**
	 * Payments, invoices, time activities and purchases changed after {@code cursor} ({@code null}: as far back as
	 * the system keeps changes), oldest first.
	 */
	ChangesPage changesSince(@Nullable String cursor);

}
