package com.ledgerflow.accounting;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments in the accounting system (QBO: a customer paid an invoice), each part mapped to the Ledgerflow invoice
 * posted as the invoice it pays ({@code INVOICE} link). Also keeps what could not be taken over, for the sync page. A
 * payment Ledgerflow booked itself to write an invoice off ({@code WRITE_OFF} link: QBO's zero payment applying the
 * bad-debt credit memo) is its own echo and never comes back as a customer payment. A payment recorded in Ledgerflow
 * and pushed ({@code PAYMENT} link) does come back, marked {@link ReceivedPayment#bookedFor}: QuickBooks changes it
 * after the push (an overpayment's unapplied rest applied to another invoice is a new line on the same payment), and
 * the receiver tells its echo from such a change. It is recognised also before the push's answer is committed, by the
 * note it carries ({@link PaymentEntry#MARKER}) and the link row stored before the push.
 */
@Service
public class ReceivedPayments extends ReceivedRecords<ExternalPayment, ReceivedPayment> {

	ReceivedPayments(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		super(accounting, links, unmatched, AccountingChange.PAYMENT, AccountingSync.WRITE_OFF);
	}

	@Override
	Optional<ExternalPayment> fetch(AccountingSystem accounting, ExternalRef id) {
		return accounting.readPayment(id);
	}

	@Override
	ReceivedPayment mapped(ExternalPayment payment) {
		return new ReceivedPayment(payment, payment.applications()
			.stream()
			.map(part -> new ReceivedPayment.Application(part.invoice(),
					localId(AccountingSync.INVOICE, part.invoice()), part.amount()))
			.toList(), bookedFor(payment));
	}

	/**
	 * The Ledgerflow payment booked in the accounting system under this id ({@code PAYMENT} link), if any: what a
	 * deletion or void of that payment there takes away from accounting. Answered from the links alone, so it works for
	 * a payment the accounting system no longer holds.
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> bookedAs(String externalId) {
		return Optional.ofNullable(localId(AccountingSync.PAYMENT, new ExternalRef(externalId)));
	}

	/** The Ledgerflow payment pushed as this one: by its link, or by its note while the push's answer is pending. */
	private @Nullable UUID bookedFor(ExternalPayment payment) {
		UUID linked = localId(AccountingSync.PAYMENT, payment.id());
		if (linked != null) {
			return linked;
		}
		UUID named = payment.bookedFor();
		return named != null && pushedLocally(AccountingSync.PAYMENT, named) ? named : null;
	}

}
