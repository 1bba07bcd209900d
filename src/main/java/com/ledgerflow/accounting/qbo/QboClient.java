package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * QuickBooks Online v3 REST over {@link RestClient}: {@code {baseUrl}/{realmId}/{entity}}, {@code minorversion} on
 * every call, {@code requestid} on every write (so a repeated write returns QBO's original object), the bearer token
 * of {@link QboAccessTokens} (refreshed once on a 401), back-off retries on 429, 5xx, timeouts and network errors
 * ({@link QboRetryPolicy}), QBO's per-realm limits ({@link QboRateLimiter}), validation faults as
 * {@link AccountingRejected}, and one re-read and retry on a 5010 stale object. Logs {@code intuit_tid} of every call.
 */
class QboClient {

	/** QBO accepts at most 50 characters of {@code requestid}. */
	static final int MAX_REQUEST_ID_LENGTH = 50;

	private static final Logger log = LoggerFactory.getLogger(QboClient.class);

	private final QboProperties properties;

	private final QboAccessTokens tokens;

	private final RestClient http;

	private final QboRetryPolicy retry;

	private final Clock clock;

	private final Sleeper sleeper;

	private final ObjectMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ConcurrentMap<String, QboRateLimiter> limiters = new ConcurrentHashMap<>();

	QboClient(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http, QboRetryPolicy retry,
			Clock clock, Sleeper sleeper) {
		this.properties = properties;
		this.tokens = tokens;
		this.retry = retry;
		this.clock = clock;
		this.sleeper = sleeper;
		HttpClient jdk = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
		requests.setReadTimeout(properties.timeout());
		this.http = http.clone().requestFactory(requests).build();
	}

	/** {@code GET /{entity}/{id}}; an unknown id is QBO's fault 610, an {@link AccountingRejected}. */
	<T extends QboEntity> T read(String entity, String id, Class<T> type) {
		JsonNode root = exchange(HttpMethod.GET, entity, List.of(path(entity), id), Map.of(), null);
		return entityOf(root, entity, type);
	}

	/** {@code POST /{entity}?requestid=}: creates once per {@code requestKey}; a repeat returns the original. */
	<T extends QboEntity> T create(String entity, T body, String requestKey, Class<T> type) {
		return write(entity, body, requestKey, type);
	}

	/**
	 * Reads the entity and writes {@code change} of it (a sparse body quoting the read {@code SyncToken}), unless the
	 * change is empty; on a 5010 stale object it reads again and retries once. The {@code requestid} is
	 * {@code requestKey} plus the quoted sync token, so a repeated update of the same version is replayed by QBO.
	 */
	<T extends QboEntity> T update(String entity, String id, String requestKey, Class<T> type,
			Function<T, Optional<T>> change) {
		T current = read(entity, id, type);
		try {
			return writeChange(entity, current, requestKey, type, change);
		}
		catch (StaleObject stale) {
			log.info("QBO {} {} changed since read (5010); reading it again", entity, id);
			try {
				return writeChange(entity, read(entity, id, type), requestKey, type, change);
			}
			catch (StaleObject again) {
				throw new QboUnavailable("QuickBooks " + entity + " " + id + " kept changing while being updated",
						again);
			}
		}
	}

	/** {@code GET /query?query=select * from {entity} where {where}}; {@code where} quotes values with {@link #quote}. */
	<T> List<T> query(String entity, String where, Class<T> type) {
		String statement = "select * from " + entity + (where.isBlank() ? "" : " where " + where);
		JsonNode root = exchange(HttpMethod.GET, entity, List.of("query"), Map.of("query", statement), null);
		List<T> found = new ArrayList<>();
		for (JsonNode node : root.path("QueryResponse").path(entity)) {
			found.add(convert(node, type));
		}
		return found;
	}

	/** A string literal of QBO's query language. */
	static String quote(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	/** The {@code requestid} sent for {@code key}: the key itself, or a name-based UUID of it when longer than QBO allows. */
	static String requestId(String key) {
		return key.length() <= MAX_REQUEST_ID_LENGTH ? key
				: UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private <T extends QboEntity> T writeChange(String entity, T current, String requestKey, Class<T> type,
			Function<T, Optional<T>> change) {
		Optional<T> body = change.apply(current);
		if (body.isEmpty()) {
			return current;
		}
		return write(entity, body.get(), requestKey + ":" + current.syncToken(), type);
	}

	private <T extends QboEntity> T write(String entity, T body, String requestKey, Class<T> type) {
		JsonNode root = exchange(HttpMethod.POST, entity, List.of(path(entity)),
				Map.of("requestid", requestId(requestKey)), body);
		return entityOf(root, entity, type);
	}

	private JsonNode exchange(HttpMethod method, String entity, List<String> path, Map<String, String> params,
			@Nullable Object body) {
		String realm = tokens.realmId();
		URI uri = uri(realm, path, params);
		byte[] payload = body == null ? null : serialize(body);
		QboRateLimiter limiter = limiters.computeIfAbsent(realm, r -> new QboRateLimiter(
				properties.requestsPerMinute(), properties.maxConcurrent(), properties.timeout(), clock, sleeper));
		String token = tokens.accessToken();
		boolean refreshed = false;
		Duration waited = Duration.ZERO;
		int attempt = 0;
		while (true) {
			attempt++;
			long started = System.nanoTime();
			Answer answer;
			try {
				String bearer = token;
				answer = limiter.call(() -> send(method, uri, bearer, payload));
			}
			catch (ResourceAccessException ex) {
				log.warn("QBO {} {} failed after {} ms (attempt {}): {}", method, entity, millisSince(started), attempt,
						ex.getMostSpecificCause().toString());
				Duration pause = retry.backoff(attempt);
				if (attempt >= retry.maxAttempts() || exceeds(waited.plus(pause))) {
					throw new QboUnavailable("QuickBooks did not answer " + method + " " + entity + " after "
							+ attempt + " attempts: " + ex.getMostSpecificCause(), ex);
				}
				sleeper.sleep(pause);
				waited = waited.plus(pause);
				continue;
			}
			int status = answer.status();
			log.info("QBO {} {} -> {} in {} ms (intuit_tid={})", method, entity, status, millisSince(started),
					answer.intuitTid());
			if (status == 401) {
				if (refreshed) {
					throw new QboNotConnected("QuickBooks refused a freshly refreshed access token (intuit_tid="
							+ answer.intuitTid() + "); reconnect QuickBooks");
				}
				token = tokens.refreshAfterUnauthorized(token);
				refreshed = true;
				attempt--; // the refresh is not a failed attempt
				continue;
			}
			if (status == 429 || status >= 500) {
				int failed = attempt;
				Duration pause = answer.retryAfter().orElseGet(() -> retry.backoff(failed));
				if (attempt >= retry.maxAttempts() || exceeds(waited.plus(pause))) {
					throw new QboUnavailable("QuickBooks answered " + status + " to " + method + " " + entity
							+ " after " + attempt + " attempts (intuit_tid=" + answer.intuitTid() + "): "
							+ answer.text());
				}
				sleeper.sleep(pause);
				waited = waited.plus(pause);
				continue;
			}
			return parse(answer, method, entity);
		}
	}

	private JsonNode parse(Answer answer, HttpMethod method, String entity) {
		JsonNode root;
		try {
			root = json.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new QboUnavailable("QuickBooks answered " + answer.status() + " to " + method + " " + entity
					+ " with no JSON (intuit_tid=" + answer.intuitTid() + "): " + answer.text(), ex);
		}
		JsonNode fault = root == null ? null : root.get("Fault");
		if (fault != null) {
			QboFault.Error error = convert(fault, QboFault.class).first();
			String code = error.code() == null ? "HTTP " + answer.status() : error.code();
			if (QboFault.STALE_OBJECT.equals(code)) {
				throw new StaleObject(error.detail());
			}
			throw new AccountingRejected(code, error.message() == null ? "" : error.message(),
					error.detail() == null ? "" : error.detail());
		}
		if (answer.status() >= 400 || root == null) {
			throw new QboUnavailable("QuickBooks answered " + answer.status() + " to " + method + " " + entity
					+ " without a fault (intuit_tid=" + answer.intuitTid() + "): " + answer.text());
		}
		return root;
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

	private URI uri(String realm, List<String> path, Map<String, String> params) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(properties.baseUrl()).pathSegment(realm);
		Map<String, String> variables = new LinkedHashMap<>(params);
		variables.put("minorversion", Integer.toString(properties.minorVersion()));
		path.forEach(builder::pathSegment);
		variables.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(variables).toUri();
	}

	private boolean exceeds(Duration totalWait) {
		return totalWait.compareTo(retry.maxTotalBackoff()) > 0;
	}

	private byte[] serialize(Object body) {
		try {
			return json.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + body + " as JSON", ex);
		}
	}

	private <T> T entityOf(JsonNode root, String entity, Class<T> type) {
		JsonNode node = root.get(entity);
		if (node == null) {
			throw new QboUnavailable("QuickBooks answered without a " + entity + ": " + root);
		}
		return convert(node, type);
	}

	private <T> T convert(JsonNode node, Class<T> type) {
		try {
			return json.treeToValue(node, type);
		}
		catch (JsonProcessingException ex) {
			throw new QboUnavailable("Unexpected " + type.getSimpleName() + " from QuickBooks: " + node, ex);
		}
	}

	private static String path(String entity) {
		return entity.toLowerCase(Locale.ROOT);
	}

	private static long millisSince(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
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
			if (value == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
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
	private static final class StaleObject extends RuntimeException {

		StaleObject(@Nullable String detail) {
			super(detail == null ? "Stale Object Error" : detail, null, false, false);
		}

	}

}
