package com.ledgerflow.mail.smtp;

import com.ledgerflow.mail.OutboxProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs delivery passes on every node; the row locks of {@link OutboxDelivery} keep the nodes from sending the same
 * message, so no cluster-wide lock is needed.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxPoller {

	/** Passes in a row while each finds a full batch, so a backlog drains without waiting a poll interval per batch. */
	private static final int MAX_PASSES_PER_POLL = 50;

	private final OutboxDelivery delivery;

	private final int batchSize;

	OutboxPoller(OutboxDelivery delivery, OutboxProperties properties) {
		this.delivery = delivery;
		this.batchSize = properties.batchSize();
	}

	@Scheduled(fixedDelayString = "${ledgerflow.mail.poll-interval:PT5S}",
			initialDelayString = "${ledgerflow.mail.poll-interval:PT5S}")
	void poll() {
		int passes = 0;
		while (delivery.deliverDue() == batchSize && ++passes < MAX_PASSES_PER_POLL) {
			// the next batch is probably due as well
		}
	}

}
