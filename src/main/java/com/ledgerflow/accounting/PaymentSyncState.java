package com.ledgerflow.accounting;

import org.jspecify.annotations.Nullable;

/**
 * Where a payment recorded in Ledgerflow stands with the accounting system, from its link: pending (not booked yet:
 * the push runs after the payment's commit, and again after a technical failure), pushed (with the system's id) or
 * failed (with the system's message; a technical failure is retried, a refusal waits for finance).
 * @param externalId the payment's id in the accounting system, when pushed
 * @param error the last failure's message, when failed
 */
public record PaymentSyncState(State state, @Nullable String externalId, @Nullable String error) {

	static final PaymentSyncState PENDING = new PaymentSyncState(State.PENDING, null, null);

	public enum State {

		PENDING, PUSHED, FAILED

	}

	static PaymentSyncState of(@Nullable String externalId, @Nullable String error) {
		if (error != null) {
			return new PaymentSyncState(State.FAILED, externalId, error);
		}
		return externalId == null ? PENDING : new PaymentSyncState(State.PUSHED, externalId, null);
	}

}
