package com.ledgerflow.accounting.qbo;

import java.net.URI;
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
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.qbo.QboTransport.StaleObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * QuickBooks Online v3 entities over REST: {@code {baseUrl}/{realmId}/{entity}}, {@code minorversion} on every call,
 * {@code requestid} on every write (so a repeated write returns QBO's original object), sparse updates quoting the
 * {@code SyncToken} with one re-read and retry on a 5010 stale object. Retries, limits and faults are
 * {@link QboTransport}'s; validation faults arrive as {@link AccountingRejected}.
 */
class QboClient {

	/** QBO accepts at most 50 characters of {@code requestid}. */
	static final int MAX_REQUEST_ID_LENGTH = 50;

	/** QBO accepts at most 30 operations per {@code /batch} request. */
	static final int MAX_BATCH_ITEMS = 30;

	private static final Logger log = LoggerFactory.getLogger(QboClient.class);

	private final QboProperties properties;

	private final QboTransport transport;

	// QBO answers with many more fields than Ledgerflow maps; amounts stay exact decimals; dates are ISO (TxnDate)
	private final ObjectMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	QboClient(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http, QboRetryPolicy retry,
			Clock clock, Sleeper sleeper) {
		this(properties, tokens, http, retry, clock, sleeper, QboRateLimiter.WINDOW);
	}

	/** With the rate limit counted per {@code rateWindow} instead of per minute (benchmarks scale QBO's limit). */
	QboClient(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http, QboRetryPolicy retry,
			Clock clock, Sleeper sleeper, Duration rateWindow) {
		this.properties = properties;
		this.transport = new QboTransport(properties, tokens, http, json, retry, clock, sleeper, rateWindow);
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

	/**
	 * {@code POST /{entity}?requestid=&...params}: a write with extra parameters (e.g. {@code include=invoiceLink},
	 * {@code operation=void}); returns the answered entity.
	 */
	<T extends QboEntity> T write(String entity, Object body, String requestKey, Map<String, String> params,
			Class<T> type) {
		Map<String, String> all = new LinkedHashMap<>(params);
		all.put("requestid", requestId(requestKey));
		JsonNode root = exchange(HttpMethod.POST, entity, List.of(path(entity)), all, body);
		return entityOf(root, entity, type);
	}

	/** {@code GET /{entity}/{id}?...params}, e.g. {@code include=invoiceLink}. */
	<T extends QboEntity> T read(String entity, String id, Map<String, String> params, Class<T> type) {
		JsonNode root = exchange(HttpMethod.GET, entity, List.of(path(entity), id), params, null);
		return entityOf(root, entity, type);
	}

	/**
	 * {@code POST /batch?requestid=}: up to {@value #MAX_BATCH_ITEMS} operations in one request; QBO answers one
	 * {@code BatchItemResponse} per {@code bId}, each with the entity or its own {@code Fault}.
	 */
	List<BatchItem> batch(List<BatchOperation> operations, String requestKey) {
		if (operations.size() > MAX_BATCH_ITEMS) {
			throw new IllegalArgumentException("QBO takes at most " + MAX_BATCH_ITEMS + " batch items, not "
					+ operations.size());
		}
		List<Map<String, Object>> items = operations.stream()
			.map(operation -> Map.<String, Object>of("bId", operation.bId(), "operation", operation.operation(),
					operation.entity(), operation.body()))
			.toList();
		JsonNode root = exchange(HttpMethod.POST, "batch", List.of("batch"), Map.of("requestid", requestId(requestKey)),
				Map.of("BatchItemRequest", items));
		List<BatchItem> answered = new ArrayList<>();
		for (JsonNode item : root.path("BatchItemResponse")) {
			QboFault.Error fault = null;
			if (item.has("Fault")) {
				try {
					fault = json.treeToValue(item.get("Fault"), QboFault.class).first();
				}
				catch (JsonProcessingException ex) {
					throw new QboUnavailable("Unreadable batch fault from QuickBooks: " + item, ex);
				}
			}
			answered.add(new BatchItem(item.path("bId").asText(), item, fault));
		}
		return answered;
	}

	/**
	 * {@code GET /cdc?entities=&changedSince=}: the entities changed since then, as QBO answers them
	 * ({@code CDCResponse[0].QueryResponse[].{Entity}[]}, and {@code time}, QBO's clock at the answer).
	 */
	JsonNode changes(List<String> entities, String changedSince) {
		return exchange(HttpMethod.GET, "cdc", List.of("cdc"),
				Map.of("entities", String.join(",", entities), "changedSince", changedSince), null);
	}

	<T> T as(JsonNode node, Class<T> type) {
		return convert(node, type);
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
		String realm = transport.realmId();
		return transport.exchange(method, entity, uri(realm, path, params), body == null ? null : serialize(body),
				realm);
	}

	private URI uri(String realm, List<String> path, Map<String, String> params) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(properties.baseUrl()).pathSegment(realm);
		Map<String, String> variables = new LinkedHashMap<>(params);
		variables.put("minorversion", Integer.toString(properties.minorVersion()));
		path.forEach(builder::pathSegment);
		// template variables are encoded strictly: a query's quotes, '=' and '&' stay inside its value
		variables.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(variables).toUri();
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

	/** One operation of a {@code /batch} request, e.g. {@code create} of a {@code TimeActivity}. */
	record BatchOperation(String bId, String operation, String entity, Object body) {
	}

	/** One answer of a {@code /batch}: the item's JSON (holding the entity) or its fault. */
	record BatchItem(String bId, JsonNode node, QboFault.@Nullable Error fault) {
	}

}
