package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Connecting Ledgerflow to a QuickBooks company (OAuth 2.0 authorization-code flow) and disconnecting it: what the
 * Connect to QuickBooks page needs.
 */
@Service
public class QboConnections {

	private static final SecureRandom random = new SecureRandom();

	private final QboTokenStore tokens;

	private final IntuitOAuthClient oauth;

	private final boolean providerActive;

	QboConnections(QboTokenStore tokens, IntuitOAuthClient oauth, Environment environment) {
		this.tokens = tokens;
		this.oauth = oauth;
		this.providerActive = QboConfiguration.isQbo(environment);
	}

	/** Whether {@code ledgerflow.accounting.provider=qbo}; with {@code local} a connection is kept but not used. */
	public boolean providerActive() {
		return providerActive;
	}

	public Optional<QboConnectionSummary> connection() {
		return tokens.summary();
	}

	/** A fresh unguessable {@code state} for one authorization attempt; keep it in the user's session. */
	public String newState() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Where to send the browser to authorize Ledgerflow, carrying {@code state}. */
	public URI authorizeUri(String state) {
		return oauth.authorizeUri(state);
	}

	/** Whether the {@code state} Intuit sent back is the one kept in the session (constant-time). */
	public static boolean stateMatches(@Nullable String expected, @Nullable String received) {
		if (expected == null || received == null || expected.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				received.getBytes(StandardCharsets.UTF_8));
	}

	/** Exchanges the authorization code for tokens and stores them (encrypted) for the realm. */
	public void connect(String code, String realmId, String user) {
		tokens.connect(realmId, oauth.exchangeCode(code), user);
	}

	/**
	 * Revokes the grant at Intuit and forgets the tokens. Answers false when Intuit could not be told (the tokens are
	 * forgotten anyway; the app can also be disconnected in QuickBooks).
	 */
	public boolean disconnect() {
		return tokens.disconnect().map(oauth::revoke).orElse(true);
	}

}
