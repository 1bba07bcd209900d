package com.ledgerflow.mail.outbox;

/** Where a message is in its delivery. */
public enum OutboxStatus {

	/** Waiting for its next delivery attempt (or for an SMTP host to be configured). */
	PENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** Gave up after the maximum number of attempts; a person can put it back to {@link #PENDING}. */
	FAILED

}
