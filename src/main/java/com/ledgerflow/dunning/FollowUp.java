package com.ledgerflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A follow-up decision recorded on an invoice, by a Camunda/Ledgerflow user id. */
public record FollowUp(UUID invoiceId, FollowUpOutcome outcome, @Nullable LocalDate promisedBy, @Nullable String note,
		String decidedBy, Instant decidedAt) {
}
