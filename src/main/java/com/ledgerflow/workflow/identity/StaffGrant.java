package com.ledgerflow.workflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.ledgerflow.workflow.BillingRunProcess;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import static com.ledgerflow.security.StaffGroups.ADMINS;
import static com.ledgerflow.security.StaffGroups.ANALYSTS;
import static com.ledgerflow.security.StaffGroups.CONSULTANTS;
import static com.ledgerflow.security.StaffGroups.FINANCE;
import static com.ledgerflow.security.StaffGroups.MANAGERS;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

/**
 * One row of the authorization matrix in docs/security.md: a group is granted permissions on a resource. Task access is
 * not granted here: Camunda grants it per task to its assignee, candidate users and candidate groups.
 */
record StaffGrant(String group, Resource resource, String resourceId, List<Permission> permissions) {

	private static final String ANY = Authorization.ANY;

	static List<StaffGrant> matrix() {
		List<StaffGrant> grants = new ArrayList<>();
		for (String staff : List.of(MANAGERS, CONSULTANTS, FINANCE, ANALYSTS)) {
			grants.add(of(staff, APPLICATION, "tasklist", ACCESS));
			// names of colleagues (assignees, candidate groups) in Tasklist
			grants.add(of(staff, USER, ANY, READ));
			grants.add(of(staff, GROUP, ANY, READ));
			// process and form names on tasks
			grants.add(of(staff, PROCESS_DEFINITION, ANY, READ));
		}
		grants.add(of(MANAGERS, APPLICATION, "cockpit", ACCESS));
		grants.add(of(MANAGERS, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE, READ_INSTANCE, UPDATE_INSTANCE,
				READ_HISTORY));
		grants.add(of(MANAGERS, PROCESS_INSTANCE, ANY, CREATE, READ, UPDATE));
		grants.add(of(MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY));

		grants.add(of(ANALYSTS, APPLICATION, "cockpit", ACCESS));
		grants.add(of(ANALYSTS, DEPLOYMENT, ANY, CREATE, READ, DELETE));
		grants.add(of(ANALYSTS, PROCESS_DEFINITION, ANY, READ, READ_HISTORY));
		grants.add(of(ANALYSTS, DECISION_DEFINITION, ANY, READ, READ_HISTORY));
		grants.add(of(ANALYSTS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));

		grants.add(of(FINANCE, APPLICATION, "cockpit", ACCESS));
		grants.add(of(FINANCE, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY));
		grants.add(of(FINANCE, PROCESS_INSTANCE, ANY, READ, CREATE));
		// finance starts billing runs from Tasklist (start-billing-run-form); no other process
		grants.add(of(FINANCE, PROCESS_DEFINITION, BillingRunProcess.KEY, CREATE_INSTANCE));
		grants.add(of(FINANCE, DECISION_DEFINITION, ANY, READ, READ_HISTORY));

		// members of camunda-admin bypass authorization checks; these grants make that visible in Camunda Admin
		Arrays.stream(Resources.values()).forEach(resource -> grants.add(of(ADMINS, resource, ANY, ALL)));
		return grants;
	}

	/** Every staff group may read the shared task filter (created by camunda.bpm.filter.create). */
	static List<StaffGrant> taskFilter(String filterId) {
		return List.of(MANAGERS, CONSULTANTS, FINANCE, ANALYSTS)
			.stream()
			.map(group -> of(group, Resources.FILTER, filterId, READ))
			.toList();
	}

	private static StaffGrant of(String group, Resource resource, String resourceId, Permission... permissions) {
		return new StaffGrant(group, resource, resourceId, List.of(permissions));
	}

}
