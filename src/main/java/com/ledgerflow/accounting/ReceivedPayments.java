package com.ledgerflow.accounting;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Payments entered in the accounting system (QBO: a customer paid an invoice), each part mapped to the Ledgerflow
 * invoice posted as the invoice it pays ({@code INVOICE} link). Also keeps what could not be taken over, for the sync
 * page. A payment Ledgerflow booked itself to write an invoice off ({@code WRITE_OFF} link: QBO's zero payment applying
 * the bad-debt credit memo) is its own echo and never comes back as a customer payment, and so is a payment recorded in
 * Ledgerflow and pushed ({@code PAYMENT} link) — also before the push's answer is committed, recognised by the note it
 * carries ({@link PaymentEntry#MARKER}) and the link row stored before the push.
 */
@Service
public class ReceivedPayments extends ReceivedRecords<ExternalPayment, ReceivedPayment> {

	ReceivedPayments(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		super(accounting, links, unmatched, AccountingChange.PAYMENT, AccountingSync.WRITE_OFF,
				AccountingSync.PAYMENT);
	}

	@Override
	Optional<ExternalPayment> fetch(AccountingSystem accounting, ExternalRef id) {
		return accounting.readPayment(id);
	}

	@Override
	boolean booked(ExternalPayment payment) {
		UUID bookedFor = payment.bookedFor();
		return bookedFor != null && pushedLocally(AccountingSync.PAYMENT, bookedFor);
	}

	@Override
	ReceivedPayment mapped(ExternalPayment payment) {
		return new ReceivedPayment(payment, payment.applications()
			.stream()
			.map(part -> new ReceivedPayment.Application(part.invoice(),
					localId(AccountingSync.INVOICE, part.invoice()), part.amount()))
			.toList());
	}

}
