package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ledgerflow.accounting.AccountingRejected;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One QBO call with everything around it: the bearer token (refreshed once on a 401), the realm's limits, back-off
 * retries of 429, 5xx, timeouts and network errors, QBO's fault body turned into {@link AccountingRejected} (or
 * {@link StaleObject} for 5010), and a log line with {@code intuit_tid} per attempt.
 */
class QboTransport {

	private static final Logger log = LoggerFactory.getLogger(QboTransport.class);

	private final QboProperties properties;

	private final QboAccessTokens tokens;

	private final RestClient http;

	private final ObjectMapper json;

	private final QboRetryPolicy retry;

	private final Clock clock;

	private final Sleeper sleeper;

	private final ConcurrentMap<String, QboRateLimiter> limiters = new ConcurrentHashMap<>();

	private final Duration rateWindow;

	QboTransport(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http, ObjectMapper json,
			QboRetryPolicy retry, Clock clock, Sleeper sleeper) {
		this(properties, tokens, http, json, retry, clock, sleeper, QboRateLimiter.WINDOW);
	}

	/** With {@code requestsPerMinute} counted per {@code rateWindow} instead of per minute (benchmarks only). */
	QboTransport(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http, ObjectMapper json,
			QboRetryPolicy retry, Clock clock, Sleeper sleeper, Duration rateWindow) {
		this.rateWindow = rateWindow;
		this.properties = properties;
		this.tokens = tokens;
		this.json = json;
		this.retry = retry;
		this.clock = clock;
		this.sleeper = sleeper;
		// HTTP/1.1: QBO speaks it everywhere, and so does every local fake
		HttpClient jdk = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
		requests.setReadTimeout(properties.timeout());
		this.http = http.clone().requestFactory(requests).build();
	}

	/** The realm calls go to; {@link QboNotConnected} when nobody connected QuickBooks. */
	String realmId() {
		return tokens.realmId();
	}

	/** Sends the request until QBO answers usefully, and returns the answer's JSON. */
	JsonNode exchange(HttpMethod method, String entity, URI uri, byte @Nullable [] payload, String realmId) {
		QboRateLimiter limiter = limiters.computeIfAbsent(realmId, realm -> new QboRateLimiter(
				properties.requestsPerMinute(), rateWindow, properties.maxConcurrent(), properties.timeout(), clock, sleeper));
		Attempts attempts = new Attempts(method + " " + entity, tokens.accessToken());
		while (true) {
			long started = System.nanoTime();
			String bearer = attempts.token;
			Answer answer;
			try {
				answer = limiter.call(() -> send(method, uri, bearer, payload));
			}
			catch (ResourceAccessException ex) {
				log.warn("QBO {} failed after {} ms: {}", attempts.call, millisSince(started),
						ex.getMostSpecificCause().toString());
				attempts.failed(retry.backoff(attempts.count), ex.getMostSpecificCause().toString(), ex);
				continue;
			}
			log.info("QBO {} -> {} in {} ms (intuit_tid={})", attempts.call, answer.status(), millisSince(started),
					answer.intuitTid());
			if (answer.status() == 401) {
				attempts.unauthorized(answer);
			}
			else if (answer.status() == 429 || answer.status() >= 500) {
				Duration pause = answer.retryAfter().orElseGet(() -> retry.backoff(attempts.count));
				attempts.failed(pause, answer.status() + " (intuit_tid=" + answer.intuitTid() + "): " + answer.text(),
						null);
			}
			else {
				return parse(answer, attempts.call);
			}
		}
	}

	private JsonNode parse(Answer answer, String call) {
		JsonNode root;
		try {
			root = json.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new QboUnavailable("QuickBooks answered " + answer.status() + " to " + call + " with no JSON"
					+ " (intuit_tid=" + answer.intuitTid() + "): " + answer.text(), ex);
		}
		JsonNode fault = root == null ? null : root.get("Fault");
		if (fault != null) {
			throw rejection(fault, answer);
		}
		if (answer.status() >= 400 || root == null) {
			throw new QboUnavailable("QuickBooks answered " + answer.status() + " to " + call + " without a fault"
					+ " (intuit_tid=" + answer.intuitTid() + "): " + answer.text());
		}
		return root;
	}

	private RuntimeException rejection(JsonNode fault, Answer answer) {
		QboFault.Error error;
		try {
			error = json.treeToValue(fault, QboFault.class).first();
		}
		catch (IOException ex) {
			return new QboUnavailable("Unreadable fault from QuickBooks: " + answer.text(), ex);
		}
		String code = error.code() == null ? "HTTP " + answer.status() : error.code();
		if (QboFault.STALE_OBJECT.equals(code)) {
			return new StaleObject(error.detail());
		}
		return new AccountingRejected(code, error.message() == null ? "" : error.message(),
				error.detail() == null ? "" : error.detail());
	}

	private Answer send(HttpMethod method, URI uri, String token, byte @Nullable [] payload) {
		RestClient.RequestBodySpec request = http.method(method).uri(uri).headers(headers -> {
			headers.setBearerAuth(token);
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		});
		if (payload != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(payload);
		}
		return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
				response.getHeaders(), response.getBody().readAllBytes()));
	}

	private static long millisSince(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
	}

	/** The state of one call's attempts: how many failed, how long it waited, whether the token was refreshed. */
	private final class Attempts {

		final String call;

		String token;

		int count = 1;

		Duration waited = Duration.ZERO;

		boolean refreshed;

		Attempts(String call, String token) {
			this.call = call;
			this.token = token;
		}

		void unauthorized(Answer answer) {
			if (refreshed) {
				throw new QboNotConnected("QuickBooks refused a freshly refreshed access token (intuit_tid="
						+ answer.intuitTid() + "); reconnect QuickBooks");
			}
			token = tokens.refreshAfterUnauthorized(token);
			refreshed = true; // the refresh is no failed attempt: count stays
		}

		/** Waits {@code pause} before the next attempt, or gives up when attempts or waiting budget are spent. */
		void failed(Duration pause, String reason, @Nullable Throwable cause) {
			if (count >= retry.maxAttempts() || waited.plus(pause).compareTo(retry.maxTotalBackoff()) > 0) {
				throw new QboUnavailable("QuickBooks failed " + call + " after " + count + " attempts: " + reason,
						cause);
			}
			sleeper.sleep(pause);
			waited = waited.plus(pause);
			count++;
		}

	}

	/** One HTTP answer, read completely. */
	private record Answer(int status, HttpHeaders headers, byte[] body) {

		String intuitTid() {
			String tid = headers.getFirst("intuit_tid");
			return tid == null ? "-" : tid;
		}

		/** {@code Retry-After} in seconds, if QBO sent one. */
		Optional<Duration> retryAfter() {
			String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
			try {
				return value == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

		String text() {
			String text = new String(body, StandardCharsets.UTF_8);
			return text.length() > 500 ? text.substring(0, 500) + "…" : text;
		}

	}

	/** QBO's 5010: the entity changed since it was read. */
	static final class StaleObject extends RuntimeException {

		StaleObject(@Nullable String detail) {
			super(detail == null ? "Stale Object Error" : detail, null, false, false);
		}

	}

}
