package com.ledgerflow.invoicing;

import java.util.UUID;

import com.ledgerflow.accounting.AccountingSync;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids an invoice (finance), keeping its number, and in accounting too when it was posted there; both happen in one
 * transaction, so a refusal or outage there changes nothing here (and voiding again in accounting changes nothing). What it billed stays billed unless finance asks to release it for the next run — nothing
 * returns to billable silently. {@link InvoiceVoided} ends its process.
 */
@Service
public class InvoiceVoiding {

	private final InvoiceService invoices;

	private final BillableItems items;

	private final AccountingSync accounting;

	private final ApplicationEventPublisher events;

	InvoiceVoiding(InvoiceService invoices, BillableItems items, AccountingSync accounting,
			ApplicationEventPublisher events) {
		this.invoices = invoices;
		this.items = items;
		this.accounting = accounting;
		this.events = events;
	}

	/** @throws InvoiceChangeRefused for a draft or rejected invoice (409) */
	@Transactional
	public Invoice voidInvoice(UUID id, boolean releaseItems) {
		Invoice before = invoices.get(id);
		if (before.status() == InvoiceStatus.VOIDED) {
			return before;
		}
		Invoice voided = invoices.voidInvoice(id);
		if (accounting.externalRef("INVOICE", id).isPresent()) {
			accounting.voidInvoice(id);
		}
		if (releaseItems) {
			items.release(id);
		}
		events.publishEvent(new InvoiceVoided(id, String.valueOf(voided.number()), releaseItems));
		return voided;
	}

}
