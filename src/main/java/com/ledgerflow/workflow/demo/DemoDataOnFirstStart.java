package com.ledgerflow.workflow.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seeds the demo company when the app is ready — only in the embedded demo mode (no {@code spring.datasource.url},
 * {@code ledgerflow.demo.enabled=true}); never against a real database.
 */
@Component
class DemoDataOnFirstStart {

	private static final Logger log = LoggerFactory.getLogger(DemoDataOnFirstStart.class);

	private final DemoData demoData;

	private final Environment environment;

	DemoDataOnFirstStart(DemoData demoData, Environment environment) {
		this.demoData = demoData;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		boolean enabled = environment.getProperty("ledgerflow.demo.enabled", Boolean.class, false);
		if (embedded && enabled && demoData.seed()) {
			log.info("Demo users: demo/demo (manager, admin), mary/mary (manager), carl/carl and cora/cora "
					+ "(consultants), fiona/fiona (finance), anna/anna (analyst)");
		}
	}

}
