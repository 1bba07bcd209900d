package com.ledgerflow.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link AdminPasswordMissing} into a start-up report that says which environment variable to set. */
class AdminPasswordMissingFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordMissing> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordMissing cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + LedgerflowSecurityProperties.ADMIN_PASSWORD_ENV + " to the password of the admin user "
						+ "(LEDGERFLOW_SECURITY_ADMIN_USER, default 'admin'), or unset SPRING_DATASOURCE_URL to run on "
						+ "the embedded database.",
				cause);
	}

}
