package com.ledgerflow.invoicing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.mail.MailAttachment;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mails a posted invoice to its client's billing addresses through the outbox, the stored PDF attached (rendered
 * now if it was not yet), with the amount due, the due date and the invoice's payment link; then marks it SENT.
 * Idempotent: the outbox keeps one message per {@code invoice:{id}:sent}.
 */
@Service
public class InvoiceDelivery {

	private final InvoiceService invoices;

	private final ClientService clients;

	private final InvoiceDocuments documents;

	private final MailOutbox outbox;

	InvoiceDelivery(InvoiceService invoices, ClientService clients, InvoiceDocuments documents, MailOutbox outbox) {
		this.invoices = invoices;
		this.clients = clients;
		this.documents = documents;
		this.outbox = outbox;
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
		String amount = invoice.total().toPlainString() + " " + invoice.currency();
		outbox.enqueue(new MailMessage("invoice:" + invoiceId + ":sent", client.billingEmails(),
				"Invoice " + number + " from " + documents.companyName(),
				text(client.name(), number, amount, invoice.dueDate(), link),
				html(client.name(), number, amount, invoice.dueDate(), link), List.of(new MailAttachment(
						"invoice-" + number + ".pdf", "application/pdf", documents.store(invoiceId).content()))));
		invoices.markSent(invoiceId);
		return invoice.dueDate();
	}

	private static String text(String client, String number, String amount, LocalDate due, URI link) {
		return """
				Dear %s,

				please find attached invoice %s.

				Amount due: %s
				Due date: %s
				Pay online: %s

				Thank you for your business.
				""".formatted(client, number, amount, due, link);
	}

	private static String html(String client, String number, String amount, LocalDate due, URI link) {
		return """
				<p>Dear %s,</p>
				<p>please find attached invoice <strong>%s</strong>.</p>
				<table><tr><td>Amount due</td><td><strong>%s</strong></td></tr>
				<tr><td>Due date</td><td>%s</td></tr></table>
				<p><a href="%s">Pay online</a></p>
				<p>Thank you for your business.</p>
				""".formatted(HtmlUtils.htmlEscape(client), HtmlUtils.htmlEscape(number), HtmlUtils.htmlEscape(amount),
				due, HtmlUtils.htmlEscape(link.toString()));
	}

}
