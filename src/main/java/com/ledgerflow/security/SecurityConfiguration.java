package com.ledgerflow.security;

import java.util.LinkedHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains, both authenticating against the staff accounts ({@link StaffAuthenticationProvider}):
 * <ul>
 * <li>APIs ({@code /api/**}, {@code /engine-rest/**}): stateless HTTP Basic, no CSRF (no cookies), 401 with a
 * challenge.</li>
 * <li>Everything else: form login at {@code /login}, session, CSRF on except for the Camunda webapps (they send their
 * own CSRF token). The Camunda webapps pick the user up from this session, and their logout ends it.</li>
 * </ul>
 * A third chain lets Intuit POST to {@code /webhooks/**} without login, session or CSRF (the receiver checks the
 * {@code intuit-signature} HMAC). Connecting QuickBooks ({@code /accounting/qbo/**}) and the accounting sync page
 * ({@code /accounting/sync/**}) are for finance and administrators; the invoice pages ({@code /invoices/**}) for
 * managers, finance and administrators. The pages modules declare as {@link PublicPages} (invoicing: the
 * client-facing invoice page and its PDF) need no login.
 * Anonymous: the login page, static assets, health, the OpenAPI document and Swagger UI (API shape is public, every
 * API call still needs credentials).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	/** Authorities that may change clients, people, projects and their plans. */
	static final String[] MASTER_DATA_EDITORS = { StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.MANAGERS,
			StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.ADMINS };

	/**
	 * Authorities that may draft, review and change invoices and start the billing runs that draft them: POST and PUT
	 * {@code /api/v1/invoices/**} (voiding, payments and pushing a payment again are {@link #ACCOUNTING_ADMINS}'), POST
	 * {@code /api/v1/billing-runs} and the invoice pages. Managers, finance and administrators.
	 */
	static final String[] INVOICE_EDITORS = { StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.MANAGERS,
			StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.FINANCE,
			StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.ADMINS };

	/** Authorities that may read the reports (they show money): managers, finance and administrators. */
	static final String[] REPORT_READERS = INVOICE_EDITORS;

	/** The reports: read with HTTP Basic, or with the login session of the pages and the Camunda webapps. */
	static final String REPORTS = "/api/v1/reports/**";

	/** Authorities that may connect and disconnect QuickBooks (the firm's books) and retry failed pushes. */
	static final String[] ACCOUNTING_ADMINS = { StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.FINANCE,
			StaffAuthenticationProvider.GROUP_AUTHORITY_PREFIX + StaffGroups.ADMINS };

	/** Intuit's webhook deliveries: no login, no session, no CSRF; the receiver verifies the HMAC signature itself. */
	static final String WEBHOOKS = "/webhooks/**";

	/** What Camunda's webapps POST to log out; ends the Spring session too. */
	static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

	@Bean
	@Order(0)
	SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(path(HttpMethod.POST, WEBHOOKS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * The reports answer HTTP Basic like the rest of the API, and also the session of a user logged in at
	 * {@code /login}: Cockpit's <i>Billing</i> plugin fetches them with the webapps' session. Only GET (reading, so
	 * no CSRF token is needed: nothing changes, and another site cannot read the answer); a session is used, never
	 * created.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain reportSecurity(HttpSecurity http) throws Exception {
		ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
		return http.securityMatcher(path(REPORTS))
			.authorizeHttpRequests(requests -> requests.requestMatchers(path(HttpMethod.GET, REPORTS))
				.hasAnyAuthority(REPORT_READERS)
				.anyRequest()
				.denyAll())
			.httpBasic(basic -> basic.realmName(ApiAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDeniedHandler()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
		return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			// reading is for all staff; changing the firm's master data is for managers and administrators
			.authorizeHttpRequests(requests -> requests.requestMatchers(path(HttpMethod.GET, "/api/**"))
				.authenticated()
				// everyone books their own time; the time module checks whose (managers and finance: anyone's)
				.requestMatchers(path(HttpMethod.POST, "/api/v1/expense-categories"))
				.hasAnyAuthority(ACCOUNTING_ADMINS)
				.requestMatchers(path(HttpMethod.POST, "/api/v1/invoices/*/void"),
						path(HttpMethod.POST, "/api/v1/invoices/*/payments"),
						path(HttpMethod.POST, "/api/v1/payments/*/accounting/retry"))
				.hasAnyAuthority(ACCOUNTING_ADMINS)
				.requestMatchers(path(HttpMethod.POST, "/api/v1/billing-runs"),
						path(HttpMethod.POST, "/api/v1/invoices/**"), path(HttpMethod.PUT, "/api/v1/invoices/**"))
				.hasAnyAuthority(INVOICE_EDITORS)
				.requestMatchers(path("/api/v1/time-entries/**"), path("/api/v1/timesheets/**"),
						path("/api/v1/timers/**"), path("/api/v1/time-imports/**"), path("/api/v1/expenses/**"))
				.authenticated()
				.requestMatchers(path("/api/**"))
				.hasAnyAuthority(MASTER_DATA_EDITORS)
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.realmName(ApiAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDeniedHandler()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<PublicPages> publicPages) throws Exception {
		RequestMatcher[] anyonesPages = publicPages.orderedStream()
			.flatMap(pages -> pages.patterns().stream())
			.map(pattern -> path(HttpMethod.GET, pattern))
			.toArray(RequestMatcher[]::new);
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path(LOGIN_PAGE), path("/error"), path("/favicon.ico"), path("/css/**"), path("/js/**"),
						path("/images/**"), path("/actuator/health"), path("/actuator/health/**"))
				.permitAll()
				.requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/swagger-ui.html"),
						path("/swagger-ui/**"))
				.permitAll()
				.requestMatchers(anyonesPages)
				.permitAll()
				.requestMatchers(path("/invoices"), path("/invoices/**"))
				.hasAnyAuthority(INVOICE_EDITORS)
				.requestMatchers(path(HttpMethod.POST, "/projects/**"))
				.hasAnyAuthority(MASTER_DATA_EDITORS)
				.requestMatchers(path("/accounting/qbo"), path("/accounting/qbo/**"), path("/accounting/sync"),
						path("/accounting/sync/**"), path("/payments"), path("/payments/**"))
				.hasAnyAuthority(ACCOUNTING_ADMINS)
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll())
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"),
						path(HttpMethod.POST, CAMUNDA_LOGOUT)))
				.logoutSuccessHandler(logoutSuccess()))
			// the webapps' XHR calls get a 401 (they show their login state), pages redirect to the login page
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						path("/camunda/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), path("/**")))
			// Camunda's webapps have their own CSRF protection (XSRF-TOKEN cookie + header)
			.csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
			.build();
	}

	private static LogoutSuccessHandler logoutSuccess() {
		var byRequest = new LinkedHashMap<RequestMatcher, LogoutSuccessHandler>();
		byRequest.put(path(HttpMethod.POST, CAMUNDA_LOGOUT), new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
		var handler = new DelegatingLogoutSuccessHandler(byRequest);
		var toLoginPage = new SimpleUrlLogoutSuccessHandler();
		toLoginPage.setDefaultTargetUrl(LOGIN_PAGE + "?logout");
		handler.setDefaultLogoutSuccessHandler(toLoginPage);
		return handler;
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

}
