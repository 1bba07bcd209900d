package com.ledgerflow.accounting;

import java.time.Instant;

/** A change received from the accounting system that Ledgerflow could not take over, as the sync page lists it. */
public record UnmatchedChange(String entity, String externalId, String reason, Instant recordedAt) {

}
