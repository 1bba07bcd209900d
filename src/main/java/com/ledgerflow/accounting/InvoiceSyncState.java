package com.ledgerflow.accounting;

import org.jspecify.annotations.Nullable;

/**
 * Where an invoice stands with the accounting system, from its link: not posted yet, pending (a post started and did
 * not finish), posted (with the system's id) or failed (with the system's message; a posted invoice whose void
 * failed is failed too).
 * @param externalId the invoice's id in the accounting system, when posted
 * @param error the last failure's message, when failed
 */
public record InvoiceSyncState(State state, @Nullable String externalId, @Nullable String error) {

	static final InvoiceSyncState NOT_POSTED = new InvoiceSyncState(State.NOT_POSTED, null, null);

	/** The states, in the words of the sync page. */
	public enum State {

		NOT_POSTED, PENDING, POSTED, FAILED

	}

	static InvoiceSyncState of(@Nullable String externalId, @Nullable String error) {
		if (error != null) {
			return new InvoiceSyncState(State.FAILED, externalId, error);
		}
		return new InvoiceSyncState(externalId == null ? State.PENDING : State.POSTED, externalId, null);
	}

}
