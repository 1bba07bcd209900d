package com.ledgerflow.accounting;

/**
 * The accounting system refused a record for a business reason (duplicate name, validation, unknown reference): a
 * person must fix the data, retrying as is would fail again. Carries the system's own code, message and detail.
 */
public class AccountingRejected extends RuntimeException {

	private final String code;

	private final String reason;

	private final String detail;

	public AccountingRejected(String code, String reason, String detail) {
		super(reason + " (" + code + "): " + detail);
		this.code = code;
		this.reason = reason;
		this.detail = detail;
	}

	/** The accounting system's error code, e.g. QBO's {@code 6240}. */
	public String code() {
		return code;
	}

	/** The accounting system's short message, e.g. {@code Duplicate Name Exists Error}. */
	public String reason() {
		return reason;
	}

	/** The accounting system's explanation, for the person who fixes it. */
	public String detail() {
		return detail;
	}

}
