package com.ledgerflow.accounting.local;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.AccountingSystemContractTests;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.InvoiceDraft;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounting contract against the built-in ledger of the shared context (provider {@code local}). */
@IntegrationTest
class AccountingSystemContractOnLocalTests extends AccountingSystemContractTests {

	@Autowired
	AccountingSystem accounting;

	@Autowired
	LocalLedgerCustomerRepository customers;

	@Autowired
	LocalLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected AccountingSystem accounting() {
		return accounting;
	}

	@Override
	protected Stored stored(ExternalRef ref) {
		LocalLedgerCustomer customer = customers.findById(ref.value()).orElseThrow();
		return new Stored(customer.displayName(), customer.job(), customer.parentId(), customer.active());
	}

	@Override
	protected long timeActivitiesOn(ExternalRef job) {
		Long count = jdbc.queryForObject("select count(*) from local_ledger_time_activity where customer_id = ?",
				Long.class, job.value());
		return count == null ? 0 : count;
	}

	/** Ledgerflow numbers its invoices itself (2026-0042): the ledger's own numbers never take one of those. */
	@Test
	void numbersAnInvoicePostedWithoutANumberApartFromLedgerflowsNumbers() {
		// issued in 2099: the Ledgerflow-style number it takes is never one the shared database's invoicing gives
		InvoiceDraft own = in2099(booking().invoice(), null);
		String ledgerNumber = accounting.createInvoice(own).docNumber();
		assertThat(ledgerNumber).matches("LL-2099-\\d{4}");

		String ledgerflowNumber = ledgerNumber.substring("LL-".length());
		InvoiceDraft withNumber = in2099(booking().invoice(), ledgerflowNumber);
		assertThat(accounting.createInvoice(withNumber).docNumber()).isEqualTo(ledgerflowNumber);
	}

	private static InvoiceDraft in2099(InvoiceDraft draft, @Nullable String docNumber) {
		return new InvoiceDraft(draft.localId(), draft.customerOrJob(), LocalDate.of(2099, 1, 15),
				LocalDate.of(2099, 2, 14), draft.currency(), draft.lines(), docNumber, draft.tax());
	}

	/** No online payment in the built-in ledger: invoicing links the client to its own invoice page instead. */
	@Test
	void offersNoPaymentLink() {
		assertThat(accounting.createInvoice(booking().invoice()).paymentLink()).isNull();
	}

	@Override
	protected ExternalRef pay(ExternalRef invoice, BigDecimal amount) {
		return ledger.recordPayment(UUID.randomUUID(), invoice, amount, LocalDate.of(2026, 12, 1));
	}

}
