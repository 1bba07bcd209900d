package com.ledgerflow.accounting.qbo;

/**
 * QuickBooks is not connected, or its refresh token was refused: finance must (re)connect. A technical failure for
 * the processes (their jobs retry, then wait as incidents) rather than a business outcome.
 */
public class QboNotConnected extends RuntimeException {

	public QboNotConnected(String message) {
		super(message);
	}

}
