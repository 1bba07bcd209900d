package com.ledgerflow.invoicing;

/**
 * Where an invoice stands: DRAFT → APPROVED (numbered) → POSTED (in accounting) → SENT; a draft may be REJECTED (its
 * items are billable again), an approved, posted or sent invoice VOIDED (it keeps its number).
 */
public enum InvoiceStatus {

	DRAFT, APPROVED, POSTED, SENT, REJECTED, VOIDED

}
