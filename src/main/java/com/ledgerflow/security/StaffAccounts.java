package com.ledgerflow.security;

import java.util.Set;

/**
 * Staff logins and their groups. Staff are Camunda users (one identity for Ledgerflow pages, the REST API and the
 * Camunda webapps); the implementation lives in {@code workflow}, the only module that talks to the engine.
 */
public interface StaffAccounts {

	/** Creates the user if missing (with this password), and adds it to every group given. Idempotent. */
	void ensureUser(StaffAccount account, String password, Set<String> groups);

	boolean exists(String userId);

	/** The groups of a user, empty for an unknown user. */
	Set<String> groupsOf(String userId);

	/** True only for an existing user whose password matches. */
	boolean checkPassword(String userId, String password);

}
