package com.ledgerflow.invoicing;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Addresses of an invoice's pages, absolute on {@code ledgerflow.base-url} (they go into e-mails and PDFs). */
@Component
public class InvoiceLinks {

	/** The client-facing page: no login, reachable only through its unguessable token. */
	public static final String PUBLIC_PAGE = "/invoices/view/{token}";

	/** The PDF the client was sent, from the client-facing page: no login either. */
	public static final String PUBLIC_PDF = PUBLIC_PAGE + "/pdf";

	private final URI baseUrl;

	InvoiceLinks(@Value("${ledgerflow.base-url}") URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** The invoice's client-facing page, the payment link when the accounting system offers none. */
	public URI publicPage(Invoice invoice) {
		return UriComponentsBuilder.fromUri(baseUrl)
			.path(PUBLIC_PAGE)
			.buildAndExpand(invoice.publicToken())
			.encode()
			.toUri();
	}

}
