package com.ledgerflow.accounting.qbo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the CDC poll every {@code ledgerflow.accounting.qbo.cdc-interval}, only with provider qbo. */
@Component
@ConditionalOnProperty(name = QboConfiguration.PROVIDER, havingValue = "qbo")
class QboCdcScheduler {

	private static final Logger log = LoggerFactory.getLogger(QboCdcScheduler.class);

	private final QboCdcPoll cdc;

	QboCdcScheduler(QboCdcPoll cdc) {
		this.cdc = cdc;
	}

	@Scheduled(fixedDelayString = "${ledgerflow.accounting.qbo.cdc-interval:PT15M}",
			initialDelayString = "${ledgerflow.accounting.qbo.cdc-interval:PT15M}")
	void poll() {
		try {
			cdc.poll();
		}
		catch (RuntimeException ex) {
			log.warn("QBO CDC poll failed, next try in one interval: {}", ex.toString());
		}
	}

}
