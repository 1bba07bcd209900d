package com.ledgerflow.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The process tests' engine: Camunda's {@link ProcessEngineExtension} (the class's {@code @Deployment} per test, the
 * {@code ProcessEngine} field injected) on an {@link InMemoryProcessEngine} of the test class's own, closed after the
 * class. camunda-bpm-assert works on it in each test; after each test the stubs the test registered in {@link Mocks}
 * are dropped, camunda-bpm-assert let go and the engine's clock put back.
 */
final class InMemoryProcessEngineExtension extends ProcessEngineExtension
		implements BeforeEachCallback, AfterEachCallback {

	private InMemoryProcessEngineExtension() {
		useProcessEngine(InMemoryProcessEngine.create());
		build();
	}

	/** Register it as {@code @RegisterExtension static}: one engine for the test class. */
	static InMemoryProcessEngineExtension create() {
		return new InMemoryProcessEngineExtension();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		BpmnAwareTests.init(getProcessEngine());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Mocks.reset();
		BpmnAwareTests.reset();
		ClockUtil.reset();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		ProcessEngine engine = getProcessEngine(); // the superclass lets go of it
		super.afterAll(context);
		engine.close();
	}

}
