package com.ledgerflow.dunning;

import java.util.UUID;

/**
 * One step of the dunning policy, due for an invoice.
 * @param step the step's stable name from the policy (e.g. {@code OVERDUE_7}): an invoice gets each step once
 * @param template the letter to send ({@code friendly-heads-up}, {@code overdue-reminder}, {@code overdue-escalation},
 * {@code final-notice}; another name gets the overdue reminder's wording)
 * @param attachPdf whether the invoice PDF goes with it
 */
public record ReminderNotice(UUID invoiceId, String step, DunningAction action, String template, boolean attachPdf) {
}
