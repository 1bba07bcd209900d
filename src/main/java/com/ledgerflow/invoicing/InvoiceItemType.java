package com.ledgerflow.invoicing;

/** The kinds of things an invoice bills (and claims). */
public enum InvoiceItemType {

	TIME_ENTRY, EXPENSE, MILESTONE, RETAINER,

	/** A late fee charged by a dunning step: one per invoice and step (see {@link LateFees}). */
	LATE_FEE

}
