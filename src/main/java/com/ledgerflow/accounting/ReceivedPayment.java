package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment someone entered in the accounting system, each part applied to an invoice with the Ledgerflow invoice it
 * maps to, as far as the external links know it.
 */
public record ReceivedPayment(ExternalPayment payment, List<Application> applications) {

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
