package com.ledgerflow.security;

/** Start-up failure: Ledgerflow runs on an external database but no admin password was given. */
public class AdminPasswordMissing extends IllegalStateException {

	AdminPasswordMissing() {
		super("No admin password: with an external database (spring.datasource.url is set) Ledgerflow has no default "
				+ "password. Set the environment variable " + LedgerflowSecurityProperties.ADMIN_PASSWORD_ENV
				+ " (property ledgerflow.security.admin-password).");
	}

}
