package com.ledgerflow.accounting.local;

import java.time.Clock;
import java.util.Optional;

import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ledgerflow as its own ledger (the default provider): customers and jobs in a table of ours. */
@Component
@ConditionalOnProperty(name = "ledgerflow.accounting.provider", havingValue = "local", matchIfMissing = true)
class LocalAccountingSystem implements AccountingSystem {

	private final LocalLedgerCustomerRepository customers;

	private final Clock clock;

	LocalAccountingSystem(LocalLedgerCustomerRepository customers, Clock clock) {
		this.customers = customers;
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

	// ids derive from the local record, so a repeated push finds the same row: idempotent like QBO's requestid
	private ExternalRef upsert(String id, String parentId, String displayName, boolean job) {
		LocalLedgerCustomer customer = customers.findById(id)
			.orElseGet(() -> new LocalLedgerCustomer(id, parentId, displayName, job, clock.instant()));
		customer.rename(displayName);
		customers.save(customer);
		return new ExternalRef(id);
	}

}
