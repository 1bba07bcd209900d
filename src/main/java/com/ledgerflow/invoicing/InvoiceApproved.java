package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/** A draft invoice was approved and numbered; posting to accounting follows. */
public record InvoiceApproved(UUID invoiceId, String number, BigDecimal total) {
}
