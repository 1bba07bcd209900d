package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Intuit's side for the OAuth and CDC tests, on a local port (JDK HTTP server): the token endpoint (code exchange and
 * refresh with rotation: a refresh token works once), revocation, and a CDC endpoint answering a canned body.
 */
final class FakeIntuitOAuth implements AutoCloseable {

	static final String CLIENT_ID = "fake-client-id";

	static final String CLIENT_SECRET = "fake-client-secret";

	static final String REDIRECT_URI = "http://localhost/accounting/qbo/callback";

	private final HttpServer server;

	private final Set<String> validCodes = ConcurrentHashMap.newKeySet();

	private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();

	private final AtomicInteger issued = new AtomicInteger();

	final AtomicInteger codeExchanges = new AtomicInteger();

	final AtomicInteger refreshCalls = new AtomicInteger();

	final List<String> revoked = new CopyOnWriteArrayList<>();

	final List<URI> cdcRequests = new CopyOnWriteArrayList<>();

	final List<String> cdcAuthorizations = new CopyOnWriteArrayList<>();

	/** Lifetime of the next access tokens issued; tests set a short one to provoke a refresh. */
	volatile Duration accessTtl = Duration.ofHours(1);

	/** Lifetime after the first refresh (so the refreshed token is not "expiring soon" again). */
	volatile Duration refreshedAccessTtl = Duration.ofHours(1);

	/** How long a refresh takes, to widen the window for two concurrent refreshes. */
	volatile Duration refreshDelay = Duration.ZERO;

	volatile String cdcBody = "{\"CDCResponse\":[{\"QueryResponse\":[]}],\"time\":\"2026-01-01T00:00:00.000-08:00\"}";

	/** Answers the next n CDC requests with 401. */
	final AtomicInteger cdcUnauthorized = new AtomicInteger();

	FakeIntuitOAuth() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/oauth2/v1/tokens/bearer", this::token);
		server.createContext("/v2/oauth2/tokens/revoke", this::revoke);
		server.createContext("/v3/company/", this::cdc);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	IntuitOAuthClient.Endpoints endpoints() {
		return new IntuitOAuthClient.Endpoints(url("/connect/oauth2"), url("/oauth2/v1/tokens/bearer"),
				url("/v2/oauth2/tokens/revoke"), CLIENT_ID, CLIENT_SECRET, URI.create(REDIRECT_URI));
	}

	/** An authorization code as Intuit would hand it to the browser. */
	String issueCode() {
		String code = "code-" + issued.incrementAndGet();
		validCodes.add(code);
		return code;
	}

	/** Intuit forgets every refresh token (revoked in QuickBooks, or expired). */
	void refuseAllRefreshTokens() {
		validRefreshTokens.clear();
	}

	boolean refreshTokenValid(String token) {
		return validRefreshTokens.contains(token);
	}

	private void token(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Map<String, String> form = form(exchange.getRequestBody());
		switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> {
				codeExchanges.incrementAndGet();
				if (!validCodes.remove(form.getOrDefault("code", "")) || !REDIRECT_URI.equals(form.get("redirect_uri"))) {
					respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
					return;
				}
				respond(exchange, 200, tokens(accessTtl));
			}
			case "refresh_token" -> {
				refreshCalls.incrementAndGet();
				sleep(refreshDelay);
				if (!validRefreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
					respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
					return;
				}
				respond(exchange, 200, tokens(refreshedAccessTtl));
			}
			default -> respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
		}
	}

	private String tokens(Duration ttl) {
		int n = issued.incrementAndGet();
		String refresh = "refresh-" + n;
		validRefreshTokens.add(refresh);
		// the shape of qbo-samples/oauth-token-response.json
		return "{\"token_type\":\"bearer\",\"expires_in\":" + ttl.toSeconds() + ",\"refresh_token\":\"" + refresh
				+ "\",\"x_refresh_token_expires_in\":8726400,\"access_token\":\"access-" + n
				+ "\",\"id_token\":\"id_token\"}";
	}

	private void revoke(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		revoked.add(body);
		respond(exchange, 200, "");
	}

	private void cdc(HttpExchange exchange) throws IOException {
		cdcRequests.add(exchange.getRequestURI());
		cdcAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		if (cdcUnauthorized.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			respond(exchange, 401, "{\"fault\":{\"error\":[{\"message\":\"message=AuthenticationFailed\"}]}}");
			return;
		}
		respond(exchange, 200, cdcBody);
	}

	private static Map<String, String> form(InputStream body) throws IOException {
		Map<String, String> form = new HashMap<>();
		for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("intuit_tid", "fake-tid");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static void sleep(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis()); // simulates Intuit's latency (a fake server, not a test waiting)
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((ExecutorService) server.getExecutor()).shutdownNow();
	}

}
