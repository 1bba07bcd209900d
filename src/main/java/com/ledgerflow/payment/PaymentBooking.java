package com.ledgerflow.payment;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.AccountingSyncStatus;
import com.ledgerflow.accounting.PaymentEntry;
import com.ledgerflow.accounting.PaymentSyncState;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Books each payment recorded in Ledgerflow (origin {@code MANUAL} or {@code API}) in the accounting system, after the
 * payment's commit, from the event publication registry: the whole amount as received, the applied part against the
 * invoice, an overpayment's rest as the client's unapplied credit there too. Payments that came from the accounting
 * system ({@code QBO}) are there already and are never pushed back. Once per payment ({@link AccountingSync#pushPayment}
 * keeps the link; QBO's {@code requestid} is derived from the payment's id). A technical failure (QuickBooks down)
 * throws: the publication stays incomplete and is delivered again ({@code IncompleteEventRetry}), so the push is
 * delayed, never lost. A refusal is recorded on the payment's link for finance (payments and sync pages) and not
 * retried by itself: it would be refused again. Finance pushes it again once the cause is fixed ({@link #bookAgain}).
 */
@Component
public class PaymentBooking {

	private static final Logger log = LoggerFactory.getLogger(PaymentBooking.class);

	private final PaymentRepository payments;

	private final AccountingSync sync;

	private final AccountingSyncStatus status;

	PaymentBooking(PaymentRepository payments, AccountingSync sync, AccountingSyncStatus status) {
		this.payments = payments;
		this.sync = sync;
		this.status = status;
	}

	@ApplicationModuleListener
	void on(PaymentReceived received) {
		Payment payment = payments.findById(received.paymentId())
			.orElseThrow(() -> new IllegalStateException("Payment " + received.paymentId() + " is not recorded"));
		if (payment.origin() == PaymentOrigin.QBO) {
			return;
		}
		push(payment, "refused");
	}

	/**
	 * Pushes a payment whose booking failed (refused, or accounting unreachable) again, on finance's request, and
	 * answers where it stands then. Exactly once however often it is asked: a payment booked meanwhile (an earlier
	 * request, the event delivered again) is answered as it is and nothing is sent; a push after a refusal goes under
	 * the next key ({@code payment:{id}:r{n}}), so two requests at once get the accounting system's one answer.
	 * @return the payment's accounting state after the try: {@code PUSHED}, or {@code FAILED} with the refusal
	 * @throws NotFound no such payment
	 * @throws StateConflict the payment came from the accounting system, or its booking has not failed (it is under
	 * way, or the payment was recorded before payments were booked and is entered in accounting by hand)
	 * @throws RuntimeException the accounting system could not be reached (recorded on the payment's link)
	 */
	public PaymentSyncState bookAgain(UUID paymentId) {
		Payment payment = payments.findById(paymentId).orElseThrow(() -> new NotFound("payment", paymentId));
		if (payment.origin() == PaymentOrigin.QBO) {
			throw new StateConflict("Payment " + paymentId + " came from the accounting system: there is nothing to push");
		}
		PaymentSyncState before = state(paymentId);
		if (before.state() == PaymentSyncState.State.PUSHED) {
			return before;
		}
		if (before.state() != PaymentSyncState.State.FAILED) {
			throw new StateConflict("Payment " + paymentId + " has no failed booking to push again");
		}
		push(payment, "refused again");
		return state(paymentId);
	}

	// a refusal is logged (as {@code refused}) and left on the payment's link; the caller goes on
	private void push(Payment payment, String refused) {
		try {
			sync.pushPayment(entry(payment));
		}
		catch (AccountingRejected rejected) {
			log.warn("Payment {} of invoice {} {} by accounting: {}", payment.id(), payment.invoiceId(), refused,
					rejected.getMessage());
		}
	}

	private PaymentSyncState state(UUID paymentId) {
		return status.payments(List.of(paymentId)).get(paymentId);
	}

	private static PaymentEntry entry(Payment payment) {
		return new PaymentEntry(payment.id(), payment.invoiceId(), payment.amount(), payment.appliedAmount(),
				payment.date(), payment.reference());
	}

}
