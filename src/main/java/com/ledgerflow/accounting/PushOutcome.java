package com.ledgerflow.accounting;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What became of one record of a bulk push: its external id, or why the accounting system refused it (the others of
 * the same push are unaffected).
 */
public record PushOutcome(UUID localId, @Nullable ExternalRef ref, @Nullable AccountingRejected rejection) {

	public static PushOutcome pushed(UUID localId, ExternalRef ref) {
		return new PushOutcome(localId, ref, null);
	}

	public static PushOutcome rejected(UUID localId, AccountingRejected rejection) {
		return new PushOutcome(localId, null, rejection);
	}

	public boolean succeeded() {
		return ref != null;
	}

	public Optional<ExternalRef> externalRef() {
		return Optional.ofNullable(ref);
	}

}
