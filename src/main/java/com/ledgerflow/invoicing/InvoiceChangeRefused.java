package com.ledgerflow.invoicing;

import com.ledgerflow.shared.StateConflict;

/** The invoice's state or totals forbid the change (409). */
public class InvoiceChangeRefused extends StateConflict {

	public InvoiceChangeRefused(String message) {
		super(message);
	}

}
