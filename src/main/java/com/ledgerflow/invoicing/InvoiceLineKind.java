package com.ledgerflow.invoicing;

/** What an invoice line bills. */
public enum InvoiceLineKind {

	TIME, EXPENSE, MILESTONE, RETAINER, DISCOUNT

}
