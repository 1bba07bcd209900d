package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Intuit's OAuth 2.0 endpoints over {@link RestClient}: the authorize URL, the token endpoint (code exchange and
 * refresh, client authenticated with HTTP Basic) and revocation. No Intuit SDK.
 */
@Component
class IntuitOAuthClient {

	static final String SCOPE = "com.intuit.quickbooks.accounting";

	private static final String INTUIT_TID = "intuit_tid";

	private static final Logger log = LoggerFactory.getLogger(IntuitOAuthClient.class);

	private final RestClient http;

	private final Endpoints endpoints;

	IntuitOAuthClient(QboProperties properties, RestClient.Builder builder) {
		this.endpoints = Endpoints.of(properties);
		this.http = builder.clone()
			.requestFactory(ClientHttpRequestFactoryBuilder.detect()
				.build(ClientHttpRequestFactorySettings.defaults()
					.withConnectTimeout(properties.timeout())
					.withReadTimeout(properties.timeout())))
			.build();
	}

	/** Where Intuit is and who we are to it: from {@code ledgerflow.accounting.qbo.*} only (tests set a fake's URLs). */
	private record Endpoints(URI authorizeUrl, URI tokenUrl, URI revokeUrl, String clientId, String clientSecret,
			URI redirectUri) {

		static Endpoints of(QboProperties properties) {
			return new Endpoints(properties.authorizeUrl(), properties.tokenUrl(), properties.revokeUrl(),
					text(properties.clientId()), text(properties.clientSecret()),
					properties.redirectUri() != null ? properties.redirectUri() : URI.create("http://localhost"));
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

	}

	/** Where the browser goes to let finance pick the company and consent. */
	URI authorizeUri(String state) {
		Endpoints e = endpoints;
		return UriComponentsBuilder.fromUri(e.authorizeUrl())
			.queryParam("client_id", e.clientId())
			.queryParam("response_type", "code")
			.queryParam("scope", SCOPE)
			.queryParam("redirect_uri", e.redirectUri().toString())
			.queryParam("state", state)
			.encode()
			.build()
			.toUri();
	}

	TokenResponse exchangeCode(String code) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", endpoints.redirectUri().toString());
		return token(form);
	}

	/**
	 * Throws {@link RefreshRefused} when Intuit answers 400 ({@code invalid_grant}: the refresh token is spent, expired
	 * or revoked). Other failures (401 {@code invalid_client}: wrong client credentials; 5xx; timeouts) stay technical:
	 * a new authorization would not help.
	 */
	TokenResponse refresh(String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", refreshToken);
		try {
			return token(form);
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
				throw new RefreshRefused(ex.getStatusCode().value() + " " + ex.getResponseBodyAsString());
			}
			throw ex;
		}
	}

	/** Revokes the token (and with it the whole grant); failures are logged, the caller forgets the tokens anyway. */
	boolean revoke(String token) {
		Endpoints e = endpoints;
		try {
			http.post()
				.uri(e.revokeUrl())
				.headers(headers -> headers.setBasicAuth(e.clientId(), e.clientSecret(), StandardCharsets.UTF_8))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(Map.of("token", token))
				.retrieve()
				.toBodilessEntity();
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Revoking the QuickBooks token failed: {}", ex.toString());
			return false;
		}
	}

	private TokenResponse token(MultiValueMap<String, String> form) {
		Endpoints e = endpoints;
		ResponseEntity<TokenResponse> answer;
		try {
			answer = http.post()
				.uri(e.tokenUrl())
				.headers(headers -> headers.setBasicAuth(e.clientId(), e.clientSecret(), StandardCharsets.UTF_8))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.toEntity(TokenResponse.class);
		}
		catch (RestClientResponseException ex) {
			String tid = ex.getResponseHeaders() == null ? null : ex.getResponseHeaders().getFirst(INTUIT_TID);
			log.warn("QuickBooks token endpoint: {} answered {} (intuit_tid {})", form.getFirst("grant_type"),
					ex.getStatusCode().value(), tid);
			throw ex;
		}
		String tid = answer.getHeaders().getFirst(INTUIT_TID);
		TokenResponse response = answer.getBody();
		if (response == null || response.accessToken() == null || response.refreshToken() == null) {
			throw new IllegalStateException("Intuit's token endpoint answered without tokens (intuit_tid " + tid + ")");
		}
		log.info("QuickBooks token endpoint: {} ok (intuit_tid {})", form.getFirst("grant_type"), tid);
		return response;
	}

	/** The token endpoint's answer (qbo-samples/oauth-token-response.json). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("refresh_token") @Nullable String refreshToken,
			@JsonProperty("expires_in") long expiresIn,
			@JsonProperty("x_refresh_token_expires_in") long refreshTokenExpiresIn,
			@JsonProperty("token_type") @Nullable String tokenType) {

		Duration accessTtl() {
			return Duration.ofSeconds(expiresIn > 0 ? expiresIn : 3600);
		}

		/** Intuit sends 100 days; absent, assume so rather than expiring at once. */
		Duration refreshTtl() {
			return Duration.ofSeconds(refreshTokenExpiresIn > 0 ? refreshTokenExpiresIn : 100L * 24 * 3600);
		}

	}

	/** Intuit refused the refresh token: only a new authorization (reconnect) helps. */
	static final class RefreshRefused extends RuntimeException {

		RefreshRefused(String message) {
			super(message);
		}

	}

}
