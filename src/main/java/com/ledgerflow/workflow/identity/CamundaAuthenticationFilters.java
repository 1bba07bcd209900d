package com.ledgerflow.workflow.identity;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own authentication filters, fed by Spring Security. Both run right after the Spring Security filter chain
 * (order -100) and before the filters the Camunda webapp starter adds without an order, so Camunda sees the user that
 * Spring authenticated: the webapps through the session, the REST API for the duration of one request.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAuthenticationFilters {

	static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

	private static final String PROVIDER = SpringSecurityAuthenticationProvider.class.getName();

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthenticationFilter() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setName("ledgerflow-camunda-webapp-authentication");
		registration.setInitParameters(Map.of("authentication-provider", PROVIDER));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthenticationFilter() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("ledgerflow-camunda-rest-authentication");
		// sets identityService.setAuthentication(user, groups) for the request and clears it afterwards
		registration.setInitParameters(Map.of("authentication-provider", PROVIDER, "rest-url-pattern-prefix", "/engine-rest"));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(ORDER);
		return registration;
	}

}
