package com.ledgerflow.workflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.ledgerflow.security.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and grants their Camunda authorizations (docs/security.md) at every start, once the engine
 * and the default task filter exist and before the application serves requests. Idempotent: grants are merged into
 * existing authorizations, never duplicated, and permissions granted by hand in Camunda Admin are kept.
 */
@Component
class CamundaIdentitySetup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySetup.class);

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final String taskFilterName;

	CamundaIdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			@Value("${camunda.bpm.filter.create:}") String taskFilterName) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.taskFilterName = taskFilterName;
	}

	@Override
	public void afterSingletonsInstantiated() {
		StaffGroups.ALL.forEach(group -> CamundaStaffAccounts.ensureGroup(identity, group));
		List<StaffGrant> grants = new ArrayList<>(StaffGrant.matrix());
		taskFilterId().ifPresentOrElse(filterId -> grants.addAll(StaffGrant.taskFilter(filterId)),
				() -> log.warn("No task filter named '{}': staff will see no filter in Tasklist", taskFilterName));
		grants.forEach(this::grant);
		log.info("Staff groups {} and {} authorizations ensured", StaffGroups.ALL, grants.size());
	}

	private Optional<String> taskFilterId() {
		return filters.createTaskFilterQuery().filterName(taskFilterName).list().stream().findFirst().map(Filter::getId);
	}

	private void grant(StaffGrant grant) {
		Resource resource = grant.resource();
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.group())
			.resourceType(resource)
			.resourceId(grant.resourceId())
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.group());
			authorization.setResource(resource);
			authorization.setResourceId(grant.resourceId());
		}
		grant.permissions().forEach(authorization::addPermission);
		authorizations.saveAuthorization(authorization);
	}

}
