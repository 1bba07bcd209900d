package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestQboServer;
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
	QboTokenCipher cipher;

	@Autowired
	JdbcTemplate jdbc;

	final FakeQbo intuit = TestQboServer.fake();

	@BeforeEach
	void forgetEarlierTests() {
		intuit.resetOAuth();
		jdbc.update("delete from qbo_connection");
	}

	@AfterEach
	void disconnect() {
		intuit.resetOAuth();
		jdbc.update("delete from qbo_connection");
	}

	@Test
	void codeExchangeStoresTheTokensEncrypted() {
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		FakeQbo.Tokens issued = intuit.lastIssued();

		assertThat(tokens.realmId()).isEqualTo(REALM);
		assertThat(tokens.accessToken()).isEqualTo(issued.accessToken());
		Map<String, Object> row = jdbc.queryForMap("select * from qbo_connection where realm_id = ?", REALM);
		assertThat(row.get("access_token").toString()).doesNotContain(issued.accessToken());
		assertThat(row.get("refresh_token").toString()).doesNotContain(issued.refreshToken());
		assertThat(cipher.decrypt(row.get("refresh_token").toString(), QboTokenStore.context(REALM, "refresh_token")))
			.isEqualTo(issued.refreshToken());
		assertThat(intuit.tokenRequests()).singleElement()
			.satisfies(request -> assertThat(request).containsEntry("grant_type", "authorization_code")
				.containsEntry("redirect_uri", TestQboServer.REDIRECT_URI)
				.containsEntry("authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((TestQboServer.CLIENT_ID + ":" + TestQboServer.CLIENT_SECRET).getBytes())));
		assertThat(row.get("connected_by")).isEqualTo("test-finance");
		assertThat(row.get("status")).isEqualTo("CONNECTED");
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(0);
	}

	@Test
	void refreshesAnAccessTokenThatExpiresWithinFiveMinutes() {
		intuit.accessTokenLifetime(Duration.ofMinutes(4));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		String first = intuit.lastIssued().accessToken();
		intuit.accessTokenLifetime(Duration.ofHours(1));

		String refreshed = tokens.accessToken();
		assertThat(refreshed).isNotEqualTo(first).isEqualTo(intuit.lastIssued().accessToken());
		assertThat(tokens.accessToken()).isEqualTo(refreshed);
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(1);
	}

	@Test
	void storesTheRotatedRefreshToken() {
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		String firstRefreshToken = intuit.lastIssued().refreshToken();
		String first = tokens.accessToken();

		String second = tokens.refreshAfterUnauthorized(first);
		String third = tokens.refreshAfterUnauthorized(second);

		assertThat(third).isNotIn(first, second);
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(2);
		assertThat(intuit.refreshTokenValid(firstRefreshToken)).isFalse();
		String stored = jdbc.queryForObject("select refresh_token from qbo_connection where realm_id = ?", String.class,
				REALM);
		String plain = cipher.decrypt(stored, QboTokenStore.context(REALM, "refresh_token"));
		assertThat(intuit.refreshTokenValid(plain)).isTrue();
	}

	@Test
	void refreshesOnceWhenTwoCallersFindTheTokenExpiring() {
		intuit.accessTokenLifetime(Duration.ofMinutes(1)).refreshDelay(Duration.ofMillis(500));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		intuit.accessTokenLifetime(Duration.ofHours(1));

		CompletableFuture<String> one = CompletableFuture.supplyAsync(tokens::accessToken);
		CompletableFuture<String> two = CompletableFuture.supplyAsync(tokens::accessToken);

		assertThat(one.join()).isEqualTo(two.join()).isEqualTo(intuit.lastIssued().accessToken());
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(1);
	}

	@Test
	void refreshesAfterUnauthorizedOnlyWhileTheRejectedTokenIsStillStored() {
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		String rejected = tokens.accessToken();

		String fresh = tokens.refreshAfterUnauthorized(rejected);
		String again = tokens.refreshAfterUnauthorized(rejected);

		assertThat(again).isEqualTo(fresh).isNotEqualTo(rejected);
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(1);
	}

	@Test
	void marksReconnectNeededWhenIntuitRefusesTheRefreshToken() {
		intuit.accessTokenLifetime(Duration.ofMinutes(1));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		intuit.refuseAllRefreshTokens();

		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class).hasMessageContaining("reconnect");

		assertThat(connections.connection()).hasValueSatisfying(connection -> {
			assertThat(connection.status()).isEqualTo(QboConnectionStatus.RECONNECT_NEEDED);
			assertThat(connection.reconnectNeeded()).isTrue();
		});
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);
		assertThat(intuit.tokenRequestCount("refresh_token")).isEqualTo(1);
	}

	@Test
	void wrongClientCredentialsAreATechnicalFailureNotAReconnect() {
		intuit.accessTokenLifetime(Duration.ofMinutes(1));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		intuit.requireClientSecret("rotated-in-the-developer-portal");

		assertThatThrownBy(tokens::accessToken).isInstanceOf(HttpClientErrorException.Unauthorized.class);

		assertThat(connections.connection()).hasValueSatisfying(
				connection -> assertThat(connection.status()).isEqualTo(QboConnectionStatus.CONNECTED));
	}

	@Test
	void reconnectingClearsReconnectNeeded() {
		intuit.accessTokenLifetime(Duration.ofMinutes(1));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		intuit.refuseAllRefreshTokens();
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);

		intuit.accessTokenLifetime(Duration.ofHours(1));
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");

		assertThat(tokens.accessToken()).isEqualTo(intuit.lastIssued().accessToken());
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
		connections.connect(intuit.authorizationCode(), REALM, "test-finance");
		String refreshToken = intuit.lastIssued().refreshToken();

		assertThat(connections.disconnect()).isTrue();

		assertThat(intuit.revoked()).singleElement().asString().contains(refreshToken);
		assertThat(connections.connection()).isEmpty();
		assertThatThrownBy(tokens::accessToken).isInstanceOf(QboNotConnected.class);
	}

}
