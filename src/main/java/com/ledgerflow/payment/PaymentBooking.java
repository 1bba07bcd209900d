package com.ledgerflow.payment;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.PaymentEntry;
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
 * retried: it would be refused again.
 */
@Component
class PaymentBooking {

	private static final Logger log = LoggerFactory.getLogger(PaymentBooking.class);

	private final PaymentRepository payments;

	private final AccountingSync sync;

	PaymentBooking(PaymentRepository payments, AccountingSync sync) {
		this.payments = payments;
		this.sync = sync;
	}

	@ApplicationModuleListener
	void on(PaymentReceived received) {
		Payment payment = payments.findById(received.paymentId())
			.orElseThrow(() -> new IllegalStateException("Payment " + received.paymentId() + " is not recorded"));
		if (payment.origin() == PaymentOrigin.QBO) {
			return;
		}
		try {
			sync.pushPayment(new PaymentEntry(payment.id(), payment.invoiceId(), payment.amount(),
					payment.appliedAmount(), payment.date(), payment.reference()));
		}
		catch (AccountingRejected rejected) {
			log.warn("Payment {} of invoice {} refused by accounting: {}", payment.id(), payment.invoiceId(),
					rejected.getMessage());
		}
	}

}
