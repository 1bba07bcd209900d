package com.ledgerflow.dunning;

import java.util.UUID;

/**
 * One step of the dunning policy, due for an invoice.
 * @param step the step's stable name from the policy (e.g. {@code OVERDUE_7}): an invoice gets each step once
 * @param template the letter to send ({@code friendly-heads-up}, {@code overdue-reminder}, {@code overdue-escalation},
 * {@code final-notice}; another name gets the overdue reminder's wording)
 * @param attachPdf whether the invoice PDF goes with it
 * @param lateFee whether the step charges the client's late fee, if it has one (on a separate late-fee invoice)
 */
public record ReminderNotice(UUID invoiceId, String step, DunningAction action, String template, boolean attachPdf,
		boolean lateFee) {

	/** A step that charges no late fee. */
	public ReminderNotice(UUID invoiceId, String step, DunningAction action, String template, boolean attachPdf) {
		this(invoiceId, step, action, template, attachPdf, false);
	}

}
