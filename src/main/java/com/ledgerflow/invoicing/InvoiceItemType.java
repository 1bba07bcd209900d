package com.ledgerflow.invoicing;

/** The kinds of things an invoice bills (and claims). */
enum InvoiceItemType {

	TIME_ENTRY, EXPENSE, MILESTONE, RETAINER

}
