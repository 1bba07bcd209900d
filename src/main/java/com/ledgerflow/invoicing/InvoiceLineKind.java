package com.ledgerflow.invoicing;

/** What an invoice line bills. */
public enum InvoiceLineKind {

	TIME, EXPENSE, MILESTONE, RETAINER, DISCOUNT,

	/** A late fee on an overdue invoice, billed on its own late-fee invoice (see {@link LateFees}). */
	LATE_FEE

}
