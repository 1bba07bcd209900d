package com.ledgerflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A Camunda engine on its own H2 in-memory database for process tests: no Spring, no job executor (tests execute jobs
 * explicitly), full history, {@code ${bean}} expressions resolved from {@code Mocks}, Spin for JSON variables as the
 * application has it.
 */
final class InMemoryProcessEngine {

	private InMemoryProcessEngine() {
	}

	static ProcessEngine create() {
		String name = "ledgerflow-test-" + UUID.randomUUID();
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setJobExecutorActivate(false);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setExpressionManager(new MockExpressionManager());
		configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
		return configuration.buildProcessEngine();
	}

}
