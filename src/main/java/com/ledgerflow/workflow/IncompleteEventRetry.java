package com.ledgerflow.workflow;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the after-commit events whose listener failed (e.g. a message that arrived before its process was
 * waiting). Listeners are idempotent, so a second node doing the same is harmless.
 */
@Component
class IncompleteEventRetry {

	private final IncompleteEventPublications publications;

	private final Duration olderThan;

	IncompleteEventRetry(IncompleteEventPublications publications,
			@org.springframework.beans.factory.annotation.Value("${ledgerflow.events.retry-after:PT1M}") Duration olderThan) {
		this.publications = publications;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${ledgerflow.events.retry-interval:PT1M}",
			initialDelayString = "${ledgerflow.events.retry-interval:PT1M}")
	void resubmit() {
		publications.resubmitIncompletePublicationsOlderThan(olderThan);
	}

}
