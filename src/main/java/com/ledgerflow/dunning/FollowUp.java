package com.ledgerflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A follow-up decision recorded on an invoice, by a Camunda/Ledgerflow user id. */
public record FollowUp(UUID invoiceId, FollowUpOutcome outcome, @Nullable LocalDate promisedBy, @Nullable String note,
		String decidedBy, Instant decidedAt) {

	/**
	 * The decision in a line a person reads, for the invoice page's history and the follow-up task's:
	 * {@code PROMISED by mike, pay by 2027-01-15: will pay after the board meets}.
	 */
	public String summary() {
		return outcome + " by " + decidedBy + (promisedBy == null ? "" : ", pay by " + promisedBy)
				+ (note == null ? "" : ": " + note);
	}

}
