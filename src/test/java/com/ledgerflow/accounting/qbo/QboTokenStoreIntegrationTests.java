package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store against a fake Intuit token endpoint, on the shared context's database. */
@IntegrationTest
class QboTokenStoreIntegrationTests {

	static final String REALM = "9130357992";

	@Autowired
	QboTokenStore tokens;

	@Autowired
	QboConnections connections;

	@Autowired
	IntuitOAuthClient oauth;

	@Autowired
	QboTokenCipher cipher;

	@Autowired
	JdbcTemplate jdbc;

	FakeIntuitOAuth intuit;

	IntuitOAuthClient.Endpoints configured;

	@BeforeEach
	void pointAtFakeIntuit() {
		intuit = new FakeIntuitOAuth();
		configured = oauth.endpoints();
		oauth.useEndpoints(intuit.endpoints());
		jdbc.update("delete from qbo_connection");
	}

	@AfterEach
	void restore() {
		oauth.useEndpoints(configured);
		intuit.close();
		jdbc.update("delete from qbo_connection");
	}

	@Test
	void codeExchangeStoresTheTokensEncrypted() {
		connections.connect(intuit.issueCode(), REALM, "test-finance");

		assertThat(tokens.realmId()).isEqualTo(REALM);
		assertThat(tokens.accessToken()).isEqualTo("access-2");
		Map<String, Object> row = jdbc.queryForMap("select * from qbo_connection where realm_id = ?", REALM);
		assertThat(row.get("access_token").toString()).doesNotContain("access-2");
		assertThat(row.get("refresh_token").toString()).doesNotContain("refresh-2");
		assertThat(cipher.decrypt(row.get("refresh_token").toString(), QboTokenStore.context(REALM, "refresh_token")))
			.isEqualTo("refresh-2");
		assertThat(row.get("connected_by")).isEqualTo("test-finance");
		assertThat(row.get("status")).isEqualTo("CONNECTED");
		assertThat(intuit.refreshCalls).hasValue(0);
	}

	@Test
	void refreshesAnAccessTokenThatExpiresWithinFiveMinutes() {
		intuit.accessTtl = Duration.ofMinutes(4);
		connections.connect(intuit.issueCode(), REALM, "test-finance");

		assertThat(tokens.accessToken()).isEqualTo("access-3");
		assertThat(tokens.accessToken()).isEqualTo("access-3");
		assertThat(intuit.refreshCalls).hasValue(1);
	}

	@Test
	void storesTheRotatedRefreshToken() {
		connections.connect(intuit.issueCode(), REALM, "test-finance");
		String first = tokens.accessToken();

		String second = tokens.refreshAfterUnauthorized(first);
		String third = tokens.refreshAfterUnauthorized(second);

		assertThat(third).isNotIn(first, second);
		assertThat(intuit.refreshCalls).hasValue(2);
		assertThat(intuit.refreshTokenValid("refresh-2")).isFalse();
		String stored = jdbc.queryForObject("select refresh_token from qbo_connection where realm_id = ?", String.class,
				REALM);
		String plain = cipher.decrypt(stored, QboTokenStore.context(REALM, "refresh_token"));
		assertThat(intuit.refreshTokenValid(plain)).isTrue();
	}

	@Test
	void refreshesOnceWhenTwoCallersFindTheTokenExpiring() {
		intuit.accessTtl = Duration.ofMinutes(1);
		intuit.refreshDelay = Duration.ofMillis(500);
		connections.connect(intuit.issueCode(), REALM, "test-finance");

		CompletableFuture<String> one = CompletableFuture.supplyAsync(tokens::accessToken);
		CompletableFuture<String> two = CompletableFuture.supplyAsync(tokens::accessToken);

		assertThat(one.join()).isEqualTo(two.join()).isEqualTo("access-3");
		assertThat(intuit.refreshCalls).hasValue(1);
	}

	@Test
	void refreshesAfterUnauthorizedOnlyWhileTheRejectedTokenIsStillStored() {
		connections.connect(intuit.issueCode(), REALM, "test-finance");
		String rejected = tokens.accessToken();

		String fresh = tokens.refreshAfterUnauthorized(rejected);
		String again = tokens.refreshAfterUnauthorized(rejected);

		assertThat(again).isEqualTo(fresh).isNotEqualTo(rejected);
		assertThat(intuit.refreshCalls).hasValue(1);
	}

	@Test
	void marksReconnectNeededWhenIntuitRefusesTheRefreshToken() {
		intuit.accessTtl = Duration.ofMinutes(1);
		connections.connect(intuit.issueCode(), REALM, "test-finance");
		intuit.refuseAllRefreshTokens();

		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class).hasMessageContaining("reconnect");

		assertThat(connections.connection()).hasValueSatisfying(connection -> {
			assertThat(connection.status()).isEqualTo(QboConnectionStatus.RECONNECT_NEEDED);
			assertThat(connection.reconnectNeeded()).isTrue();
		});
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);
		assertThat(intuit.refreshCalls).hasValue(1);
	}

	@Test
	void wrongClientCredentialsAreATechnicalFailureNotAReconnect() {
		intuit.accessTtl = Duration.ofMinutes(1);
		connections.connect(intuit.issueCode(), REALM, "test-finance");
		IntuitOAuthClient.Endpoints good = intuit.endpoints();
		oauth.useEndpoints(new IntuitOAuthClient.Endpoints(good.authorizeUrl(), good.tokenUrl(), good.revokeUrl(),
				good.clientId(), "wrong-secret", good.redirectUri()));

		assertThatThrownBy(tokens::accessToken).isInstanceOf(HttpClientErrorException.Unauthorized.class);

		assertThat(connections.connection()).hasValueSatisfying(
				connection -> assertThat(connection.status()).isEqualTo(QboConnectionStatus.CONNECTED));
	}

	@Test
	void reconnectingClearsReconnectNeeded() {
		intuit.accessTtl = Duration.ofMinutes(1);
		connections.connect(intuit.issueCode(), REALM, "test-finance");
		intuit.refuseAllRefreshTokens();
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);

		intuit.accessTtl = Duration.ofHours(1);
		connections.connect(intuit.issueCode(), REALM, "test-finance");

		assertThat(tokens.accessToken()).startsWith("access-");
		assertThat(connections.connection()).hasValueSatisfying(
				connection -> assertThat(connection.status()).isEqualTo(QboConnectionStatus.CONNECTED));
	}

	@Test
	void answersNotConnectedWithoutAConnection() {
		assertThatThrownBy(tokens::realmId).isInstanceOf(QboNotConnected.class);
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);
	}

	@Test
	void disconnectRevokesAtIntuitAndForgetsTheTokens() {
		connections.connect(intuit.issueCode(), REALM, "test-finance");

		assertThat(connections.disconnect()).isTrue();

		assertThat(intuit.revoked).singleElement().asString().contains("refresh-2");
		assertThat(connections.connection()).isEmpty();
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);
	}

}
