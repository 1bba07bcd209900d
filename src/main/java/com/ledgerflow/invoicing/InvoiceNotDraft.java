package com.ledgerflow.invoicing;

import java.util.UUID;

import com.ledgerflow.shared.StateConflict;

/** A change only a draft allows was asked of an invoice that is no longer one (409). */
public class InvoiceNotDraft extends StateConflict {

	public InvoiceNotDraft(UUID id, InvoiceStatus status) {
		super("Invoice " + id + " is " + status + "; only a DRAFT invoice can be changed, approved or rejected");
	}

}
