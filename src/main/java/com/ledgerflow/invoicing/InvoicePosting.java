package com.ledgerflow.invoicing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.PostedInvoice;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an approved invoice to accounting, once: the project's job is set up, each line books to the service item of
 * its kind (Time, Expense, Milestone, Retainer, Discount), the document number is the invoice number. Idempotent
 * through {@link AccountingSync#postInvoice}: posting again returns the first post's ref and books nothing. The
 * invoice keeps its payment link: the accounting system's (QBO's {@code InvoiceLink}), or its own client-facing page
 * when the system offers none (the local ledger, QBO without online payments).
 */
@Service
public class InvoicePosting {

	private final InvoiceService invoices;

	private final AccountingSync accounting;

	private final InvoiceLinks links;

	private final String incomeAccountRef;

	InvoicePosting(InvoiceService invoices, AccountingSync accounting, InvoiceLinks links,
			@Value("${ledgerflow.accounting.service-income-account:1}") String incomeAccountRef) {
		this.invoices = invoices;
		this.accounting = accounting;
		this.links = links;
		this.incomeAccountRef = incomeAccountRef;
	}

	/** APPROVED (or POSTED) → POSTED; returns the invoice's id in accounting. */
	@Transactional
	public ExternalRef post(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		if (invoice.status() != InvoiceStatus.APPROVED && invoice.status() != InvoiceStatus.POSTED) {
			throw new InvoiceChangeRefused("Invoice " + invoiceId + " is " + invoice.status() + ", not APPROVED");
		}
		ExternalRef job = accounting.setUpProject(invoice.projectId());
		boolean taxable = invoice.taxRate().signum() > 0;
		Map<InvoiceLineKind, ExternalRef> items = new EnumMap<>(InvoiceLineKind.class);
		List<InvoiceDraft.Line> lines = invoice.lines()
			.stream()
			.map(line -> new InvoiceDraft.Line(line.description(), line.quantity(), line.unitPrice(), line.amount(),
					items.computeIfAbsent(line.kind(), this::serviceItem), taxable))
			.toList();
		PostedInvoice posted = accounting.postInvoice(new InvoiceDraft(invoice.id(), job, invoice.issueDate(),
				invoice.dueDate(), invoice.currency(), lines, invoice.number(), invoice.tax()));
		invoices.markPosted(invoiceId,
				posted.paymentLink() != null ? posted.paymentLink() : links.publicPage(invoice));
		return posted.id();
	}

	private ExternalRef serviceItem(InvoiceLineKind kind) {
		// TIME → "Time", LATE_FEE → "Late fee"
		String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
		return accounting.pushServiceItem(name, incomeAccountRef);
	}

}
