package com.ledgerflow.mail.smtp;

import org.springframework.context.ApplicationContext;

/** Lets integration tests outside this package run a delivery pass (the poller waits an hour under {@code test}). */
public final class OutboxDeliveries {

	private OutboxDeliveries() {
	}

	/** One delivery pass of the context's outbox; returns how many messages were sent. */
	public static int deliverDue(ApplicationContext context) {
		return context.getBean(OutboxDelivery.class).deliverDue();
	}

}
