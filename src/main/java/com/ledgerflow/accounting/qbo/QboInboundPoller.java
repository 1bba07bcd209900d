package com.ledgerflow.accounting.qbo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Processes stored webhook and CDC changes on every node (row locks keep nodes apart); only with provider qbo. */
@Component
@ConditionalOnProperty(name = QboConfiguration.PROVIDER, havingValue = "qbo")
class QboInboundPoller {

	private static final int MAX_BATCHES_PER_POLL = 50;

	private final QboInboundChanges changes;

	QboInboundPoller(QboInboundChanges changes) {
		this.changes = changes;
	}

	@Scheduled(fixedDelayString = "${ledgerflow.accounting.qbo.inbound-poll-interval:PT5S}",
			initialDelayString = "${ledgerflow.accounting.qbo.inbound-poll-interval:PT5S}")
	void poll() {
		int batches = 0;
		while (changes.processPending() == QboInboundChanges.BATCH_SIZE && ++batches < MAX_BATCHES_PER_POLL) {
			// a backlog drains without waiting a poll interval per batch
		}
	}

}
