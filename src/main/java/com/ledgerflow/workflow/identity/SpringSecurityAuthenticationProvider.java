package com.ledgerflow.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security authenticated to Camunda's servlet filters: the webapps'
 * {@code ContainerBasedAuthenticationFilter} (one login for Ledgerflow pages and Tasklist/Cockpit/Admin) and the REST
 * API's {@code ProcessEngineAuthenticationFilter} (Camunda authorizations apply to /engine-rest calls). Groups are
 * left empty so that both filters load them from the identity service. Instantiated by class name, hence public.
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return AuthenticationResult.unsuccessful();
		}
		return AuthenticationResult.successful(authentication.getName());
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security already answered unauthenticated requests with its own challenge
	}

}
