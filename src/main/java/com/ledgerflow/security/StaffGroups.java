package com.ledgerflow.security;

import java.util.List;

/** The staff groups (Camunda group ids) Ledgerflow's processes and pages rely on. */
public final class StaffGroups {

	public static final String MANAGERS = "managers";

	public static final String CONSULTANTS = "consultants";

	public static final String FINANCE = "finance";

	public static final String ANALYSTS = "analysts";

	/** Camunda's built-in administrators group. */
	public static final String ADMINS = "camunda-admin";

	public static final List<String> ALL = List.of(MANAGERS, CONSULTANTS, FINANCE, ANALYSTS, ADMINS);

	/** The Spring Security authority a member of the group holds, e.g. {@code GROUP_managers}. */
	public static String authority(String group) {
		return StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + group;
	}

	private StaffGroups() {
	}

}
