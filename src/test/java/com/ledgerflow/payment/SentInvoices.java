package com.ledgerflow.payment;

import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.timetracking.TimeEntryFixture;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invoices as payments find them: one approved billable time entry on the project, drafted, approved, posted in
 * accounting and (for {@link #sent}) marked sent — the way {@code invoice-to-cash} takes them there.
 */
public record SentInvoices(JdbcTemplate jdbc, InvoiceDrafting drafting, InvoiceService invoices,
		InvoicePosting posting) {

	private static final LocalDate WORKED = LocalDate.of(2026, 10, 12);

	/** A sent invoice of {@code minutes} at {@code rate} an hour (plus the client's tax). */
	public Invoice sent(UUID project, UUID person, int minutes, String rate) {
		return invoices.markSent(posted(project, person, minutes, rate).id());
	}

	/** A posted invoice, not e-mailed yet. */
	public Invoice posted(UUID project, UUID person, int minutes, String rate) {
		UUID id = drafted(project, person, minutes, rate).id();
		invoices.approve(id);
		posting.post(id);
		return invoices.get(id);
	}

	public Invoice drafted(UUID project, UUID person, int minutes, String rate) {
		TimeEntryFixture.approvedTime(person, project, WORKED, minutes)
			.withNotes("Workshop")
			.withBillRate(rate)
			.insert(jdbc);
		return drafting.draft(project, new BillingPeriod(WORKED.withDayOfMonth(1), WORKED.withDayOfMonth(31)))
			.orElseThrow();
	}

}
