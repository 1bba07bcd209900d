package com.ledgerflow.dunning;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;

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

	private final MailTemplates templates;

	PaymentReceipts(InvoiceService invoices, ClientService clients, InvoiceDocuments documents, MailOutbox outbox,
			MailTemplates templates) {
		this.invoices = invoices;
		this.clients = clients;
		this.documents = documents;
		this.outbox = outbox;
		this.templates = templates;
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
		String company = documents.companyName();
		MailTemplates.Bodies bodies = templates.render("payment-receipt", Map.of("client", client.name(), "number",
				number, "company", company, "amount", invoice.total().toPlainString() + " " + invoice.currency()));
		outbox.enqueue(MailMessage.of("invoice:" + invoiceId + ":receipt", client.billingEmails(),
				"Thank you: invoice " + number + " from " + company + " is paid", bodies, List.of()));
		return true;
	}

}
