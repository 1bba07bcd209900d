package com.ledgerflow.invoicing;

/**
 * Where an invoice stands: DRAFT → APPROVED (numbered) → POSTED (in accounting) → SENT → PAID (the payments recorded
 * against it cover its total; a posted invoice paid before it was e-mailed goes straight to PAID); a draft may be
 * REJECTED (its items are billable again), an approved, posted or sent invoice VOIDED (it keeps its number).
 */
public enum InvoiceStatus {

	DRAFT, APPROVED, POSTED, SENT, PAID, REJECTED, VOIDED

}
