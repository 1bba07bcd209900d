package com.ledgerflow.dunning;

import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The thank-you receipt for an invoice paid in full, to clients who want one ({@link Client#sendsPaymentReceipt()})
 * and have a billing address. Idempotent: one outbox message per {@code invoice:{id}:receipt}.
 */
@Service
public class PaymentReceipts {

	private final InvoiceService invoices;

	private final ClientService clients;

	private final InvoiceDocuments documents;

	private final MailOutbox outbox;

	PaymentReceipts(InvoiceService invoices, ClientService clients, InvoiceDocuments documents, MailOutbox outbox) {
		this.invoices = invoices;
		this.clients = clients;
		this.documents = documents;
		this.outbox = outbox;
	}

	/** Returns whether a receipt is (or was already) in the outbox. */
	@Transactional
	public boolean send(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		Client client = clients.get(invoice.clientId());
		if (!client.sendsPaymentReceipt() || client.billingEmails().isEmpty()) {
			return false;
		}
		String number = Objects.requireNonNull(invoice.number());
		outbox.enqueue(new MailMessage("invoice:" + invoiceId + ":receipt", client.billingEmails(),
				"Thank you: invoice " + number + " from " + documents.companyName() + " is paid",
				"""
						Dear %s,

						we received payment in full for invoice %s (%s %s). Thank you for your business.
						""".formatted(client.name(), number, invoice.total(), invoice.currency()),
				null, java.util.List.of()));
		return true;
	}

}
