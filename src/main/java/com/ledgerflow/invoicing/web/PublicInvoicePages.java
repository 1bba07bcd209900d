package com.ledgerflow.invoicing.web;

import java.net.URI;
import java.util.Optional;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceLinks;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceSettlements;
import com.ledgerflow.invoicing.InvoicingProperties;
import com.ledgerflow.invoicing.StoredPdf;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The client-facing invoice page, the payment link when the accounting system offers none: no login, reachable only
 * through the invoice's unguessable token ({@value InvoiceLinks#PUBLIC_PAGE}). It shows the invoice, the amount due,
 * how to pay ({@code ledgerflow.invoicing.payment-instructions}) and the PDF the client was sent. An unknown token, a
 * draft or a rejected invoice is a 404 (the page never tells which).
 */
@Controller
class PublicInvoicePages {

	private final InvoiceService invoices;

	private final InvoiceDocuments documents;

	private final ClientService clients;

	private final InvoicingProperties properties;

	private final InvoiceLinks links;

	private final InvoiceSettlements settlements;

	PublicInvoicePages(InvoiceService invoices, InvoiceDocuments documents, ClientService clients,
			InvoicingProperties properties, InvoiceLinks links, InvoiceSettlements settlements) {
		this.invoices = invoices;
		this.settlements = settlements;
		this.links = links;
		this.documents = documents;
		this.clients = clients;
		this.properties = properties;
	}

	@GetMapping(InvoiceLinks.PUBLIC_PAGE)
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Invoice> found = invoices.issuedWithToken(token);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "invoicing/not-found";
		}
		Invoice invoice = found.get();
		model.addAttribute("invoice", invoice);
		model.addAttribute("client", clients.get(invoice.clientId()));
		model.addAttribute("company", documents.company());
		model.addAttribute("instructions", properties.paymentInstructions());
		model.addAttribute("hasPdf", documents.stored(invoice.id()).isPresent());
		model.addAttribute("amountDue", settlements.openBalance(invoice));
		// QBO's InvoiceLink pays online; this page itself is the link under the local ledger
		URI link = invoice.paymentLink();
		model.addAttribute("payOnline", link == null || link.equals(links.publicPage(invoice)) ? null : link);
		return "invoicing/public-invoice";
	}

	@GetMapping(InvoiceLinks.PUBLIC_PDF)
	ResponseEntity<byte[]> pdf(@PathVariable String token) {
		return invoices.issuedWithToken(token)
			.flatMap(invoice -> documents.stored(invoice.id()).map(pdf -> download(invoice, pdf)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** The stored PDF as a download named after the invoice number. */
	static ResponseEntity<byte[]> download(Invoice invoice, StoredPdf pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("invoice-" + invoice.number() + ".pdf").build().toString())
			.header(HttpHeaders.ETAG, "\"" + pdf.sha256() + "\"")
			.body(pdf.content());
	}

}
