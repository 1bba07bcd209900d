package com.ledgerflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.ledgerflow");

	@Test
	void onlyWorkflowTalksToCamunda() {
		noClasses().that()
			.resideOutsideOfPackage("com.ledgerflow.workflow..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.check(classes);
	}

	@Test
	void onlyTheSmtpAdapterTalksToJakartaMail() {
		noClasses().that()
			.resideOutsideOfPackage("com.ledgerflow.mail.smtp..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.mail..", "org.springframework.mail..")
			.check(classes);
	}

	@Test
	void nothingDependsOnWorkflow() {
		noClasses().that()
			.resideOutsideOfPackage("com.ledgerflow.workflow..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.ledgerflow.workflow..")
			.check(classes);
	}

}
