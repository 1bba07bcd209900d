package com.ledgerflow;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(LedgerflowApplication.class);

	@Test
	void modulesOnlyUseWhatTheyDeclare() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
