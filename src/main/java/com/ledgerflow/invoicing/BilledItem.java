package com.ledgerflow.invoicing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing an invoice bills (a time entry, expense, milestone, or the retainer of a period), by the owning module's
 * id; a written-off time entry carries its reason and is not on the lines.
 */
public record BilledItem(InvoiceItemType type, UUID itemId, @Nullable String writtenOffReason) {
}
