package com.ledgerflow.invoicing.web;

import java.util.List;

import com.ledgerflow.invoicing.InvoiceLinks;
import com.ledgerflow.security.PublicPages;

import org.springframework.stereotype.Component;

/** The client-facing invoice page and its PDF need no login: the unguessable token in the path is the access. */
@Component
class PublicInvoicePageAccess implements PublicPages {

	@Override
	public List<String> patterns() {
		return List.of(InvoiceLinks.PUBLIC_PAGE, InvoiceLinks.PUBLIC_PDF);
	}

}
