package com.ledgerflow.payment.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingSyncStatus;
import com.ledgerflow.accounting.PaymentSyncState;
import com.ledgerflow.payment.Payment;
import com.ledgerflow.payment.PaymentOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Where each payment stands with the accounting system, as the payments page and API show it: {@code PUSHED} (with
 * the accounting system's id), {@code PENDING} (its push runs after the commit, or again after a technical failure),
 * {@code FAILED} (with the reason), or {@code RECEIVED} for a payment that came from the accounting system.
 */
@Component
class PaymentAccounting {

	static final String RECEIVED = "RECEIVED";

	static final String FAILED = PaymentSyncState.State.FAILED.name();

	private final AccountingSyncStatus status;

	PaymentAccounting(AccountingSyncStatus status) {
		this.status = status;
	}

	/** The accounting state of a payment. */
	record State(String state, @Nullable String externalId, @Nullable String error) {

		/** The state of a payment Ledgerflow pushes (or pushed) to the accounting system. */
		static State of(PaymentSyncState sync) {
			return new State(sync.state().name(), sync.externalId(), sync.error());
		}

	}

	Map<UUID, State> of(List<Payment> payments) {
		Map<UUID, PaymentSyncState> pushed = status.payments(
				payments.stream().filter(p -> p.origin() != PaymentOrigin.QBO).map(Payment::id).toList());
		Map<UUID, State> states = new HashMap<>();
		for (Payment payment : payments) {
			PaymentSyncState sync = pushed.get(payment.id());
			states.put(payment.id(), sync == null ? new State(RECEIVED, payment.externalId(), null)
					: State.of(sync));
		}
		return states;
	}

	/** The ids of the payments whose booking failed, the most recent attempt first. */
	List<UUID> failed() {
		return status.failedPayments();
	}

	State of(Payment payment) {
		return of(List.of(payment)).get(payment.id());
	}

}
