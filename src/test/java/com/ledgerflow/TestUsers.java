package com.ledgerflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Staff users for integration tests, one per group, password = user id. {@link #ensure} is idempotent, so every test
 * class of the shared context may call it in a {@code @BeforeEach}.
 */
public final class TestUsers {

	public static final String MANAGER = "test-manager";

	public static final String CONSULTANT = "test-consultant";

	public static final String ANALYST = "test-analyst";

	public static final String FINANCE = "test-finance";

	private TestUsers() {
	}

	public static void ensure(StaffAccounts accounts) {
		ensure(accounts, MANAGER, StaffGroups.MANAGERS);
		ensure(accounts, CONSULTANT, StaffGroups.CONSULTANTS);
		ensure(accounts, ANALYST, StaffGroups.ANALYSTS);
		ensure(accounts, FINANCE, StaffGroups.FINANCE);
	}

	/** The {@code Authorization} header value for a test user. */
	public static String basicAuth(String userId) {
		return basicAuth(userId, userId);
	}

	public static String basicAuth(String userId, String password) {
		String credentials = userId + ":" + password;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/** A client for {@code http://localhost:<port>} sending the user's Basic credentials on every request. */
	public static RestClient restClient(int port, String userId) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, basicAuth(userId))
			.build();
	}

	private static void ensure(StaffAccounts accounts, String userId, String group) {
		accounts.ensureUser(new StaffAccount(userId, "Test", group, userId + "@example.com"), userId, Set.of(group));
	}

}
