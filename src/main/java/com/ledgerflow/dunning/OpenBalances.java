package com.ledgerflow.dunning;

import java.math.BigDecimal;
import java.util.UUID;

import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.payment.PaymentService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an invoice still owes, read fresh in the caller's transaction: the one place the dunning side asks the
 * payments module for it ({@link PaymentService#openBalance}). An invoice that is not open (paid, voided, rejected, a
 * draft) owes nothing here.
 */
@Component
public class OpenBalances {

	private final InvoiceService invoices;

	private final PaymentService payments;

	OpenBalances(InvoiceService invoices, PaymentService payments) {
		this.invoices = invoices;
		this.payments = payments;
	}

	@Transactional(readOnly = true)
	public BigDecimal of(UUID invoiceId) {
		return of(invoices.get(invoiceId));
	}

	BigDecimal of(Invoice invoice) {
		if (invoice.status() != InvoiceStatus.POSTED && invoice.status() != InvoiceStatus.SENT) {
			return BigDecimal.ZERO.setScale(2);
		}
		return payments.openBalance(invoice);
	}

}
