package com.ledgerflow.accounting;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Payments entered in the accounting system (QBO: a customer paid an invoice), each part mapped to the Ledgerflow
 * invoice posted as the invoice it pays ({@code INVOICE} link). Also keeps what could not be taken over, for the sync
 * page. A payment Ledgerflow booked itself to write an invoice off ({@code WRITE_OFF} link: QBO's zero payment applying
 * the bad-debt credit memo) is its own echo and never comes back as a customer payment.
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
			.toList());
	}

}
