package com.ledgerflow.workflow.identity;

import java.util.Set;
import java.util.stream.Collectors;

import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;

/** Staff accounts kept in Camunda's identity service, so the webapps, the REST API and our pages share one login. */
@Component
class CamundaStaffAccounts implements StaffAccounts {

	private final IdentityService identity;

	CamundaStaffAccounts(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void ensureUser(StaffAccount account, String password, Set<String> groups) {
		if (!exists(account.id())) {
			User user = identity.newUser(account.id());
			user.setFirstName(account.firstName());
			user.setLastName(account.lastName());
			if (!account.email().isBlank()) {
				user.setEmail(account.email());
			}
			user.setPassword(password);
			identity.saveUser(user);
		}
		Set<String> current = groupsOf(account.id());
		for (String group : groups) {
			ensureGroup(identity, group);
			if (!current.contains(group)) {
				identity.createMembership(account.id(), group);
			}
		}
	}

	@Override
	public boolean exists(String userId) {
		return identity.createUserQuery().userId(userId).count() > 0;
	}

	@Override
	public Set<String> groupsOf(String userId) {
		return identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		// checkPassword is false for unknown users and also locks an account after repeated failures
		return identity.checkPassword(userId, password);
	}

	/** Creates a missing staff group; unknown group ids are a programming error, not a new group. */
	static void ensureGroup(IdentityService identity, String groupId) {
		if (!StaffGroups.ALL.contains(groupId)) {
			throw new IllegalArgumentException("Unknown staff group '" + groupId + "'; expected one of " + StaffGroups.ALL);
		}
		if (identity.createGroupQuery().groupId(groupId).count() > 0) {
			return;
		}
		Group group = identity.newGroup(groupId);
		group.setName(groupName(groupId));
		group.setType(StaffGroups.ADMINS.equals(groupId) ? "SYSTEM" : "WORKFLOW");
		identity.saveGroup(group);
	}

	private static String groupName(String groupId) {
		return switch (groupId) {
			case StaffGroups.MANAGERS -> "Project managers";
			case StaffGroups.CONSULTANTS -> "Consultants";
			case StaffGroups.FINANCE -> "Finance";
			case StaffGroups.ANALYSTS -> "Process analysts";
			case StaffGroups.ADMINS -> "Camunda administrators";
			default -> groupId;
		};
	}

}
