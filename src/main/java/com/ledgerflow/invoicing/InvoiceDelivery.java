package com.ledgerflow.invoicing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.mail.MailAttachment;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails a posted invoice to its client's billing addresses through the outbox, the stored PDF attached (rendered
 * now if it was not yet), with the amount due, the due date and the invoice's payment link (wording in
 * {@code templates/mail/invoice.txt} and {@code .html}); then marks it SENT. Idempotent: the outbox keeps one message per {@code invoice:{id}:sent}.
 */
@Service
public class InvoiceDelivery {

	private final InvoiceService invoices;

	private final ClientService clients;

	private final InvoiceDocuments documents;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	InvoiceDelivery(InvoiceService invoices, ClientService clients, InvoiceDocuments documents, MailOutbox outbox,
			MailTemplates templates) {
		this.invoices = invoices;
		this.clients = clients;
		this.documents = documents;
		this.outbox = outbox;
		this.templates = templates;
	}

	/**
	 * POSTED → SENT; returns the due date.
	 * @throws ClientHasNoBillingEmail when the client has no billing address (nothing is sent)
	 */
	// the process routes on the refusal in the job's transaction, which must stay committable
	@Transactional(noRollbackFor = ClientHasNoBillingEmail.class)
	public LocalDate send(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		Client client = clients.get(invoice.clientId());
		if (client.billingEmails().isEmpty()) {
			throw new ClientHasNoBillingEmail(invoiceId, client.id());
		}
		String number = Objects.requireNonNull(invoice.number());
		URI link = Objects.requireNonNull(invoice.paymentLink(), () -> "Invoice " + invoiceId + " is not posted");
		String company = documents.companyName();
		MailTemplates.Bodies bodies = templates.render("invoice",
				Map.of("client", client.name(), "number", number, "company", company, "amount",
						invoice.total().toPlainString() + " " + invoice.currency(), "dueDate", invoice.dueDate(),
						"paymentLink", link));
		outbox.enqueue(MailMessage.of("invoice:" + invoiceId + ":sent", client.billingEmails(),
				"Invoice " + number + " from " + company, bodies,
				List.of(new MailAttachment("invoice-" + number + ".pdf", "application/pdf",
						documents.store(invoiceId).content()))));
		invoices.markSent(invoiceId);
		return invoice.dueDate();
	}

}
