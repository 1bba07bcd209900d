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

	/**
	 * Delivery passes until one sends nothing: everything due goes out, however many messages the shared database's
	 * other tests left due before the one a test waits for (a pass takes at most {@code batch-size}).
	 */
	public static int deliverAllDue(ApplicationContext context) {
		int sent = 0;
		for (int pass = 0; pass < 1_000; pass++) {
			int now = deliverDue(context);
			if (now == 0) {
				break;
			}
			sent += now;
		}
		return sent;
	}

}
