package com.ledgerflow.invoicing;

/** The kinds of things an invoice bills (and claims). */
public enum InvoiceItemType {

	TIME_ENTRY, EXPENSE, MILESTONE, RETAINER

}
