package com.ledgerflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client for the server-rendered pages and the Camunda webapps, which use form login and a
 * session (not HTTP Basic). It does not follow redirects, so tests can check each step; {@link #getFollowingRedirects}
 * does. Form posts need the CSRF token of the page: {@link #csrfToken}.
 */
public class TestBrowser {

	private static final String ACCEPT = "text/html,application/json;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	public TestBrowser(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** A browser logged in as a {@link TestUsers} user (password = user id). */
	public static TestBrowser loggedIn(int port, String userId) {
		TestBrowser browser = new TestBrowser(port);
		HttpResponse<String> login = browser.logIn(userId, userId);
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login of " + userId + " failed: " + login.statusCode() + " " + location);
		}
		return browser;
	}

	/** Posts the login form; answers the redirect (to the saved page, or to /login?error). */
	public HttpResponse<String> logIn(String userId, String password) {
		return post("/login", Map.of("username", userId, "password", password, "_csrf", csrfToken("/login")));
	}

	/** The CSRF token of the form on a page. */
	public String csrfToken(String pagePath) {
		Matcher csrf = CSRF.matcher(get(pagePath).body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath);
		}
		return csrf.group(1);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", ACCEPT).GET().build());
	}

	public HttpResponse<String> getFollowingRedirects(String path) {
		HttpResponse<String> response = get(path);
		for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			response = get(next.getRawPath() + (next.getRawQuery() != null ? "?" + next.getRawQuery() : ""));
		}
		return response;
	}

	/** Posts a form (application/x-www-form-urlencoded); include {@code _csrf} for Ledgerflow pages. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Uploads a file as {@code multipart/form-data}, the way a page's file form does; the CSRF token goes in the query
	 * ({@code ?_csrf=…}), as the pages' upload forms put it.
	 */
	public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
		return postMultipart(path, Map.of(), new FilePart(field, fileName, "text/csv", content));
	}

	/** A file of a multipart form: the field's name, the file name and the bytes. */
	public record FilePart(String field, String filename, String contentType, byte[] content) {
	}

	/** Posts a form as multipart/form-data with files; include {@code _csrf} for Ledgerflow pages. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> form, FilePart... files) {
		String boundary = "----LedgerflowTest" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		form.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		for (FilePart file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** A GET answered as bytes (downloads). */
	public HttpResponse<byte[]> getBytes(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", ACCEPT).GET().build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP GET " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.uri(), ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.uri(), ex);
		}
	}

}
