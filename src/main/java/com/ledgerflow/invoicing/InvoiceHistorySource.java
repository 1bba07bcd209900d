package com.ledgerflow.invoicing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events other modules record about an invoice (payments, reminders), listed in the invoice page's history beside
 * invoicing's own (drafted, approved, posted, rendered).
 */
public interface InvoiceHistorySource {

	/** The invoice's events this source knows of, in any order. */
	List<Entry> history(UUID invoiceId);

	/** One event: when, and what happened in a line a person reads. */
	record Entry(Instant at, String text) {
	}

}
