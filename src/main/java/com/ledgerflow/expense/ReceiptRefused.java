package com.ledgerflow.expense;

/**
 * A receipt Ledgerflow does not keep: too large (answered 413) or not a PDF, JPEG, PNG or HEIC whatever its name
 * says (answered 415). Nothing of the request is stored.
 */
public class ReceiptRefused extends RuntimeException {

	private final boolean tooLarge;

	ReceiptRefused(String reason, boolean tooLarge) {
		super(reason);
		this.tooLarge = tooLarge;
	}

	public boolean tooLarge() {
		return tooLarge;
	}

}
