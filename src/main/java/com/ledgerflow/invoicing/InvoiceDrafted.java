package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/** A draft invoice was created with the items it claimed; the invoice-to-cash process starts from it. */
public record InvoiceDrafted(UUID invoiceId, UUID projectId, UUID clientId, BigDecimal total) {
}
