package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment as the accounting system holds it, each part applied to an invoice with the Ledgerflow invoice it maps
 * to, as far as the external links know it.
 * @param bookedFor the Ledgerflow payment it is the booking of ({@code PAYMENT} link, or the note of a push whose
 * answer is not committed yet): Ledgerflow's own payment, read again because it changed in the accounting system (e.g.
 * its unapplied rest applied to another invoice); {@code null}: a payment entered in the accounting system
 */
public record ReceivedPayment(ExternalPayment payment, List<Application> applications, @Nullable UUID bookedFor) {

	public ReceivedPayment {
		applications = List.copyOf(applications);
	}

	/**
	 * @param invoice the invoice's id in the accounting system
	 * @param invoiceId the Ledgerflow invoice posted as it ({@code null}: not an invoice Ledgerflow posted)
	 */
	public record Application(ExternalRef invoice, @Nullable UUID invoiceId, BigDecimal amount) {
	}

}
