package com.ledgerflow.accounting.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ChangesPage;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.ExternalTimeActivity;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.InvoiceStatus;
import com.ledgerflow.accounting.InvoiceWriteOff;
import com.ledgerflow.accounting.PaymentEntry;
import com.ledgerflow.accounting.PostedInvoice;
import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.accounting.TimeActivityEntry;
import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ledgerflow as its own ledger (the default provider): customers and jobs in a table of ours, everything else in
 * {@link LocalLedger}'s.
 */
@Component
@ConditionalOnProperty(name = "ledgerflow.accounting.provider", havingValue = "local", matchIfMissing = true)
class LocalAccountingSystem implements AccountingSystem {

	private final LocalLedgerCustomerRepository customers;

	private final LocalLedger ledger;

	private final Clock clock;

	LocalAccountingSystem(LocalLedgerCustomerRepository customers, LocalLedger ledger, Clock clock) {
		this.customers = customers;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "local";
	}

	@Override
	@Transactional
	public ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing) {
		return upsert("C-" + client.id(), null, client.name(), false);
	}

	@Override
	@Transactional
	public ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing) {
		return upsert("J-" + project.id(), customer.value(), project.code() + " " + project.name(), true);
	}

	@Override
	@Transactional
	public void closeProject(ExternalRef project) {
		customers.findById(project.value()).ifPresent(LocalLedgerCustomer::deactivate);
	}

	@Override
	@Transactional
	public ExternalRef upsertServiceItem(String name, String incomeAccountRef) {
		return ledger.upsertItem(name, incomeAccountRef);
	}

	@Override
	@Transactional
	public ExternalRef upsertEmployee(AccountingPerson person) {
		return ledger.upsertEmployee(person);
	}

	@Override
	@Transactional
	public ExternalRef upsertVendor(String displayName) {
		return ledger.upsertVendor(displayName);
	}

	@Override
	@Transactional
	public ExternalRef pushTimeActivity(TimeActivityEntry entry) {
		return ledger.pushTimeActivity(entry);
	}

	// checked before each insert, so a refused entry leaves the transaction usable for the others
	@Override
	@Transactional
	public List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries) {
		List<PushOutcome> outcomes = new ArrayList<>(entries.size());
		for (TimeActivityEntry entry : entries) {
			try {
				outcomes.add(PushOutcome.pushed(entry.localId(), ledger.pushTimeActivity(entry)));
			}
			catch (AccountingRejected rejected) {
				outcomes.add(PushOutcome.rejected(entry.localId(), rejected));
			}
		}
		return outcomes;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ExternalTimeActivity> readTimeActivity(ExternalRef timeActivity) {
		return ledger.readTimeActivity(timeActivity);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ExternalPayment> readPayment(ExternalRef payment) {
		return ledger.readPayment(payment);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ExternalPurchase> readPurchase(ExternalRef purchase) {
		return ledger.readPurchase(purchase);
	}

	@Override
	@Transactional
	public ExternalRef pushBillableExpense(BillableExpenseEntry entry) {
		return ledger.pushExpense(entry);
	}

	@Override
	@Transactional
	public PostedInvoice createInvoice(InvoiceDraft draft) {
		return ledger.createInvoice(draft);
	}

	@Override
	@Transactional
	public void voidInvoice(UUID localId, ExternalRef invoice) {
		ledger.voidInvoice(invoice);
	}

	@Override
	@Transactional
	public ExternalRef writeOffInvoice(InvoiceWriteOff writeOff) {
		return ledger.writeOff(writeOff);
	}

	@Override
	@Transactional
	public ExternalRef pushPayment(PaymentEntry payment, ExternalRef invoice, int rejectedBefore) {
		return ledger.bookPayment(payment, invoice);
	}

	@Override
	@Transactional(readOnly = true)
	public InvoiceStatus readInvoice(ExternalRef invoice) {
		return ledger.readInvoice(invoice);
	}

	@Override
	@Transactional(readOnly = true)
	public ChangesPage changesSince(@Nullable String cursor) {
		return ledger.changesSince(cursor);
	}

	// ids derive from the local record, so a repeated push finds the same row: idempotent like QBO's requestid
	private ExternalRef upsert(String id, String parentId, String displayName, boolean job) {
		LocalLedgerCustomer customer = customers.findById(id)
			.orElseGet(() -> new LocalLedgerCustomer(id, parentId, displayName, job, clock.instant()));
		customer.rename(displayName);
		customers.save(customer);
		return new ExternalRef(id);
	}

}
