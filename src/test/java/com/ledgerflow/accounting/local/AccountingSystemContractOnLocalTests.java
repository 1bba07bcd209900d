package com.ledgerflow.accounting.local;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.AccountingSystemContractTests;
import com.ledgerflow.accounting.ExternalRef;

import org.springframework.beans.factory.annotation.Autowired;

/** The accounting contract against the built-in ledger of the shared context (provider {@code local}). */
@IntegrationTest
class AccountingSystemContractOnLocalTests extends AccountingSystemContractTests {

	@Autowired
	AccountingSystem accounting;

	@Autowired
	LocalLedgerCustomerRepository customers;

	@Override
	protected AccountingSystem accounting() {
		return accounting;
	}

	@Override
	protected Stored stored(ExternalRef ref) {
		LocalLedgerCustomer customer = customers.findById(ref.value()).orElseThrow();
		return new Stored(customer.displayName(), customer.job(), customer.parentId(), customer.active());
	}

}
