package com.ledgerflow.invoicing;

import java.util.UUID;

/**
 * An approved, posted or sent invoice was voided (in accounting too, when it was posted). It keeps its number.
 * @param itemsReleased whether finance asked for what it billed to be billable again
 */
public record InvoiceVoided(UUID invoiceId, String number, boolean itemsReleased) {

}
