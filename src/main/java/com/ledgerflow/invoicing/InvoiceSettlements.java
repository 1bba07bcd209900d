package com.ledgerflow.invoicing;

import java.math.BigDecimal;

/**
 * What is still owed on an invoice, told by the module that records payments (invoicing knows nothing of payments;
 * the payment module implements this), for the invoice pages.
 */
public interface InvoiceSettlements {

	/** The invoice's total less what was paid against it, never below zero; nothing for a voided invoice. */
	BigDecimal openBalance(Invoice invoice);

}
