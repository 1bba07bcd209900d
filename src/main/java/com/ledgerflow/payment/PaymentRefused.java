package com.ledgerflow.payment;

import com.ledgerflow.shared.StateConflict;

/** The invoice's state forbids a payment (voided, paid in full, not sent yet): 409 naming the field. */
public class PaymentRefused extends StateConflict {

	public PaymentRefused(String message, String field) {
		super(message, field);
	}

}
