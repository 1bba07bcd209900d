package com.ledgerflow.security;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code ledgerflow.security}.
 *
 * @param adminUser the Camunda user id of the administrator (env {@code LEDGERFLOW_SECURITY_ADMIN_USER})
 * @param adminPassword the administrator's password (env {@code LEDGERFLOW_SECURITY_ADMIN_PASSWORD}); required with an
 * external database, optional in embedded mode; when set the admin user is ensured in {@code camunda-admin} and
 * {@code managers} at every start (an existing user keeps its password)
 */
@ConfigurationProperties("ledgerflow.security")
@Validated
public record LedgerflowSecurityProperties(@DefaultValue("admin") @NotBlank String adminUser,
		@Nullable String adminPassword) {

	static final String ADMIN_PASSWORD_ENV = "LEDGERFLOW_SECURITY_ADMIN_PASSWORD";

	boolean hasAdminPassword() {
		return StringUtils.hasText(adminPassword);
	}

}
