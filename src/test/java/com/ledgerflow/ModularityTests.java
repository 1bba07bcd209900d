package com.ledgerflow;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(LedgerflowApplication.class);

	@Test
	void modulesOnlyUseWhatTheyDeclare() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

		Path components = Path.of("target", "spring-modulith-docs", "components.puml");
		assertThat(Files.readString(components)).contains("\"Workflow\"", "\"Accounting\"", "\"Project\"");
	}

}
