package com.ledgerflow.invoicing;

import java.util.UUID;

/** The invoice cannot be e-mailed: its client has no billing e-mail address; someone sends it by hand. */
public class ClientHasNoBillingEmail extends RuntimeException {

	public ClientHasNoBillingEmail(UUID invoiceId, UUID clientId) {
		super("Invoice " + invoiceId + ": client " + clientId + " has no billing e-mail address");
	}

}
