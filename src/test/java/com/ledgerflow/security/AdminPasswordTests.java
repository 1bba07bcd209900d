package com.ledgerflow.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminPasswordTests {

	static final LedgerflowSecurityProperties NO_PASSWORD = new LedgerflowSecurityProperties("admin", null);

	static final MockEnvironment EXTERNAL_DATABASE = new MockEnvironment().withProperty("spring.datasource.url",
			"jdbc:postgresql://db.example/ledgerflow");

	@Test
	void productionModeWithoutAnAdminPasswordFailsNamingTheVariableToSet() {
		assertThatThrownBy(() -> AdminAccount.requirePasswordInProductionMode(NO_PASSWORD, EXTERNAL_DATABASE))
			.isInstanceOf(AdminPasswordMissing.class)
			.hasMessageContaining("LEDGERFLOW_SECURITY_ADMIN_PASSWORD");
	}

	@Test
	void blankAdminPasswordCountsAsMissing() {
		var blank = new LedgerflowSecurityProperties("admin", "  ");

		assertThatThrownBy(() -> AdminAccount.requirePasswordInProductionMode(blank, EXTERNAL_DATABASE))
			.isInstanceOf(AdminPasswordMissing.class);
	}

	@Test
	void productionModeStartsWithAnAdminPassword() {
		var withPassword = new LedgerflowSecurityProperties("admin", "s3cret");

		assertThatNoException()
			.isThrownBy(() -> AdminAccount.requirePasswordInProductionMode(withPassword, EXTERNAL_DATABASE));
	}

	@Test
	void embeddedModeNeedsNoAdminPassword() {
		assertThatNoException()
			.isThrownBy(() -> AdminAccount.requirePasswordInProductionMode(NO_PASSWORD, new MockEnvironment()));
	}

	@Test
	void failureReportTellsWhichVariableToSet() {
		FailureAnalysis analysis = new AdminPasswordMissingFailureAnalyzer().analyze(new AdminPasswordMissing());

		assertThat(analysis.getDescription()).contains("LEDGERFLOW_SECURITY_ADMIN_PASSWORD");
		assertThat(analysis.getAction()).contains("LEDGERFLOW_SECURITY_ADMIN_PASSWORD");
	}

}
