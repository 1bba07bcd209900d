package com.ledgerflow.dunning;

import java.math.BigDecimal;

/**
 * What the {@code dunning-policy} decision reads about an invoice today.
 * @param daysFromDue today minus the due date in the company's calendar (negative before the due date)
 * @param openBalance what the invoice still owes
 * @param held whether reminders are held: paid by a promise until its date, stopped by a dispute or collections
 */
public record DunningFacts(int daysFromDue, String reminderTier, BigDecimal openBalance, boolean held) {
}
