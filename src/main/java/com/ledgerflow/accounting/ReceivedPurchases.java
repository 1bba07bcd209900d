package com.ledgerflow.accounting;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Purchases (expenses paid) entered directly in the accounting system, their lines mapped to Ledgerflow's projects
 * through the external links ({@code PROJECT}: job to project). A purchase Ledgerflow booked itself from an approved
 * expense ({@code EXPENSE} link) is its own echo and never comes back. Also keeps what could not be taken over, for
 * the sync page.
 */
@Service
public class ReceivedPurchases extends ReceivedRecords<ExternalPurchase, ReceivedPurchase> {

	ReceivedPurchases(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		super(accounting, links, unmatched, AccountingChange.PURCHASE, AccountingSync.EXPENSE);
	}

	@Override
	Optional<ExternalPurchase> fetch(AccountingSystem accounting, ExternalRef id) {
		return accounting.readPurchase(id);
	}

	@Override
	ReceivedPurchase mapped(ExternalPurchase purchase) {
		return new ReceivedPurchase(purchase, purchase.lines()
			.stream()
			.map(line -> new ReceivedPurchase.Line(line, localId(AccountingSync.PROJECT, line.customerOrJob())))
			.toList());
	}

}
