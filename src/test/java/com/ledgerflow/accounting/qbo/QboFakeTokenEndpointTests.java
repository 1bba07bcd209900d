package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's OAuth token endpoint behaves like Intuit's, for the token store's tests. */
class QboFakeTokenEndpointTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	private FakeQbo fake;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void exchangesAnAuthorizationCodeOnceForTokensShapedLikeIntuits() throws Exception {
		String code = fake.authorizationCode();

		HttpResponse<String> first = token("grant_type=authorization_code&code=" + code
				+ "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Faccounting%2Fqbo%2Fcallback");
		HttpResponse<String> again = token("grant_type=authorization_code&code=" + code);

		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode tokens = json.readTree(first.body());
		assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
		assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
		assertThat(tokens.path("x_refresh_token_expires_in").asLong()).isPositive();
		assertThat(tokens.path("access_token").asText()).isNotBlank();
		assertThat(tokens.path("refresh_token").asText()).isNotBlank();
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("invalid_grant");
		assertThat(fake.tokenRequests().get(0)).containsEntry("grant_type", "authorization_code")
			.containsEntry("authorization", basic());
	}

	@Test
	void rotatesTheRefreshTokenAndRefusesTheSpentOne() throws Exception {
		FakeQbo.Tokens issued = fake.issueTokens();

		JsonNode refreshed = json.readTree(token("grant_type=refresh_token&refresh_token=" + issued.refreshToken()).body());
		HttpResponse<String> spent = token("grant_type=refresh_token&refresh_token=" + issued.refreshToken());

		assertThat(refreshed.path("refresh_token").asText()).isNotEqualTo(issued.refreshToken());
		assertThat(spent.statusCode()).isEqualTo(400);
		assertThat(token("grant_type=refresh_token&refresh_token=" + refreshed.path("refresh_token").asText())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesARefreshTokenItWasToldToReject() throws Exception {
		FakeQbo.Tokens issued = fake.issueTokens();
		fake.rejectRefreshToken(issued.refreshToken());

		HttpResponse<String> refused = token("grant_type=refresh_token&refresh_token=" + issued.refreshToken());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("invalid_grant");
	}

	@Test
	void acceptsIssuedAccessTokensUntilTheyExpire() throws Exception {
		String accessToken = json
			.readTree(token("grant_type=authorization_code&code=" + fake.authorizationCode()).body())
			.path("access_token")
			.asText();

		assertThat(read(accessToken).statusCode()).isEqualTo(400); // authenticated; customer 1 does not exist
		fake.expireAccessTokens();
		HttpResponse<String> expired = read(accessToken);

		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().firstValue("intuit_tid")).isPresent();
	}

	private HttpResponse<String> token(String form) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(fake.tokenUrl())
			.header("Authorization", basic())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> read(String accessToken) throws IOException, InterruptedException {
		URI uri = URI.create(fake.baseUrl() + "/" + FakeQbo.REALM_ID + "/customer/1?minorversion=75");
		return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + accessToken).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString("client:secret".getBytes(StandardCharsets.UTF_8));
	}

}
