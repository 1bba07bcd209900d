package com.ledgerflow.accounting.qbo;

/**
 * QuickBooks did not answer usefully after the client's retries (timeouts, network errors, 429 or 5xx): a technical
 * failure, so the process job retries later and ends as an incident visible in Cockpit.
 */
public class QboUnavailable extends RuntimeException {

	public QboUnavailable(String message) {
		super(message);
	}

	public QboUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
