package com.ledgerflow.payment;

import java.math.BigDecimal;

import com.ledgerflow.invoicing.Invoice;

/**
 * An invoice with what was paid against it: {@code openBalance = invoice total − paid}, exact to the cent, never
 * below zero (an overpayment is the client's credit, not a negative balance).
 * @param paid the sum of the amounts applied to it
 */
public record InvoiceBalance(Invoice invoice, BigDecimal paid, BigDecimal openBalance) {

	public boolean paidInFull() {
		return openBalance.signum() == 0;
	}

}
