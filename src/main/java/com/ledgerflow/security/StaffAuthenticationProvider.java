package com.ledgerflow.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the staff accounts (Camunda's identity service) and grants one authority per
 * group, {@code GROUP_<groupId>} (e.g. {@code GROUP_managers}). The one provider for form login and HTTP Basic.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	private final StaffAccounts accounts;

	StaffAuthenticationProvider(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (credentials == null || !accounts.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<GrantedAuthority> authorities = accounts.groupsOf(userId)
			.stream()
			.sorted()
			.<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
