package com.ledgerflow.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder recorded on an invoice: what (step, action, letter), when, to whom, at which open balance.
 * @param recipients comma-separated billing addresses; empty when the client has none (recorded, not e-mailed)
 */
public record SentReminder(UUID invoiceId, String step, DunningAction action, String template, LocalDate sentOn,
		Instant sentAt, String recipients, BigDecimal openBalance, String currency) {

	/**
	 * The reminder in a line a person reads, for the invoice page's history and the follow-up task's:
	 * {@code OVERDUE_7 (overdue-reminder) sent to ap@client.test, open balance 326.63 USD}.
	 */
	public String summary() {
		return step + " (" + template + ") sent to " + (recipients.isEmpty() ? "nobody: no billing e-mail" : recipients)
				+ ", open balance " + openBalance.toPlainString() + " " + currency;
	}

}
