package com.ledgerflow.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The administrator account. With an external database (production mode) the password must come from the environment
 * and start-up fails without it; on the embedded database it is optional (the demo seeder creates demo users). Runs
 * before other runners so that a seeder finds the admin in place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final LedgerflowSecurityProperties properties;

	private final StaffAccounts accounts;

	AdminAccount(LedgerflowSecurityProperties properties, StaffAccounts accounts, Environment environment) {
		requirePasswordInProductionMode(properties, environment);
		this.properties = properties;
		this.accounts = accounts;
	}

	static void requirePasswordInProductionMode(LedgerflowSecurityProperties properties, Environment environment) {
		boolean externalDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (externalDatabase && !properties.hasAdminPassword()) {
			throw new AdminPasswordMissing();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = properties.adminPassword();
		if (password == null || password.isBlank()) {
			return;
		}
		String user = properties.adminUser();
		accounts.ensureUser(new StaffAccount(user, "Ledgerflow", "Administrator", ""), password,
				Set.of(StaffGroups.ADMINS, StaffGroups.MANAGERS));
		log.info("Admin user '{}' ensured in groups {} and {}", user, StaffGroups.ADMINS, StaffGroups.MANAGERS);
	}

}
