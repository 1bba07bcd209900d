package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake QuickBooks Online on a free local port, speaking the v3 JSON of {@code ../shared/qbo-samples}: stateful
 * {@code Customer} create, read, sparse and full update with {@code SyncToken}, {@code requestid} replay, simple
 * queries, QBO's faults (6240 duplicate name, 610 object not found, 5010 stale object, 6000 business validation), and
 * the OAuth token endpoint (authorization code and rotating refresh tokens). Faults can be injected for the next calls.
 * Every response carries an {@code intuit_tid} header; every request is recorded.
 * <pre>
 * try (FakeQbo qbo = FakeQbo.start()) {
 *     qbo.failNext(429, 2);
 *     ... point ledgerflow.accounting.qbo.base-url at qbo.baseUrl(), token-url at qbo.tokenUrl() ...
 *     assertThat(qbo.customers()).hasSize(1);
 * }
 * </pre>
 */
public final class FakeQbo implements AutoCloseable {

	/** The one company the fake serves (any realm in the path is accepted and recorded). */
	public static final String REALM_ID = "9341453050771234";

	public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";

	public static final String API_PATH = "/v3/company";

	private static final Pattern SELECT = Pattern.compile(
			"(?i)select \\* from (\\w+)(?: where (\\w+) = '((?:[^'\\\\]|\\\\.)*)')?\\s*(?:startposition \\d+)?\\s*(?:maxresults \\d+)?\\s*");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<String, ObjectNode> customers = new LinkedHashMap<>();

	private final Map<String, Reply> replies = new HashMap<>();

	private final List<Request> requests = new ArrayList<>();

	private final Deque<Injected> injected = new ArrayDeque<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Set<String> accessTokens = new HashSet<>();

	private final Set<String> authorizationCodes = new HashSet<>();

	private final Set<String> refreshTokens = new HashSet<>();

	private final Set<String> rejectedRefreshTokens = new HashSet<>();

	private final List<Map<String, String>> tokenRequests = new ArrayList<>();

	private int nextId = 58;

	private int nextToken = 1;

	private int staleWrites;

	private Duration latency = Duration.ZERO;

	private long accessTokenSeconds = 3600;

	private FakeQbo() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(threads);
		this.server.createContext("/", this::handle);
	}

	/** Starts a fresh fake on a free port. */
	public static FakeQbo start() {
		try {
			FakeQbo fake = new FakeQbo();
			fake.server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake QBO", ex);
		}
	}

	/** The API base without the realm, like {@code https://quickbooks.api.intuit.com/v3/company}. */
	public URI baseUrl() {
		return URI.create(root() + API_PATH);
	}

	/** The OAuth token endpoint, like {@code https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer}. */
	public URI tokenUrl() {
		return URI.create(root() + TOKEN_PATH);
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	// ---- fault injection

	/**
	 * The next {@code count} API calls answer {@code status} with QBO's body for it: 401 (expired token), 429
	 * (throttled), 500/502/503 (system fault), or {@code 5010} (a 400 stale-object fault). Token calls are not affected.
	 */
	public synchronized FakeQbo failNext(int status, int count) {
		for (int i = 0; i < count; i++) {
			injected.add(new Injected(status, Duration.ZERO, null));
		}
		return this;
	}

	/** The next {@code count} API calls answer 429 with {@code Retry-After} (whole seconds). */
	public synchronized FakeQbo throttleNext(int count, Duration retryAfter) {
		for (int i = 0; i < count; i++) {
			injected.add(new Injected(429, Duration.ZERO, retryAfter));
		}
		return this;
	}

	/** The next {@code count} API calls wait {@code delay} before they are served (e.g. beyond the client timeout). */
	public synchronized FakeQbo delayNext(Duration delay, int count) {
		for (int i = 0; i < count; i++) {
			injected.add(new Injected(0, delay, null));
		}
		return this;
	}

	/**
	 * The next {@code count} customer updates find that someone else saved the customer first: its {@code SyncToken}
	 * moves on and the update answers fault 5010.
	 */
	public synchronized FakeQbo staleNext(int count) {
		staleWrites += count;
		return this;
	}

	/** Every API call takes at least this long from now on (to see concurrent requests). */
	public synchronized FakeQbo latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	// ---- what happened

	/** All API and token requests so far, oldest first. */
	public synchronized List<Request> requests() {
		return List.copyOf(requests);
	}

	/** How many requests went to a path ending with {@code pathSuffix}, e.g. {@code "/customer"} or {@code "/query"}. */
	public synchronized long requestCount(String pathSuffix) {
		return requests.stream().filter(request -> request.path().endsWith(pathSuffix)).count();
	}

	/** The most API requests that were in flight at the same time. */
	public int maxConcurrentRequests() {
		return maxInFlight.get();
	}

	/** The stored customers (jobs included) as QBO would return them, in creation order. */
	public synchronized List<JsonNode> customers() {
		return customers.values().stream().map(node -> (JsonNode) node.deepCopy()).toList();
	}

	public synchronized Optional<JsonNode> customer(String id) {
		return Optional.ofNullable(customers.get(id)).map(ObjectNode::deepCopy);
	}

	/** A customer entered directly in QuickBooks; returns its Id. */
	public synchronized String addCustomer(String displayName) {
		ObjectNode body = json.createObjectNode().put("DisplayName", displayName);
		return store(body).path("Id").asText();
	}

	/** Someone renames a customer in QuickBooks (its SyncToken moves on). */
	public synchronized void renameCustomer(String id, String displayName) {
		ObjectNode customer = customers.get(id);
		customer.put("DisplayName", displayName);
		touch(customer);
	}

	// ---- OAuth

	/** A fresh access and refresh token, as the token endpoint would issue them. */
	public synchronized Tokens issueTokens() {
		int n = nextToken++;
		Tokens tokens = new Tokens("fake-access-" + n, "fake-refresh-" + n);
		accessTokens.add(tokens.accessToken());
		refreshTokens.add(tokens.refreshToken());
		return tokens;
	}

	/** A one-time authorization code the token endpoint exchanges (what Intuit's redirect carries as {@code code}). */
	public synchronized String authorizationCode() {
		String code = "fake-code-" + UUID.randomUUID();
		authorizationCodes.add(code);
		return code;
	}

	/** Every access token issued so far stops working: the next API call answers 401. */
	public synchronized FakeQbo expireAccessTokens() {
		accessTokens.clear();
		return this;
	}

	/** The token endpoint refuses this refresh token ({@code invalid_grant}), as after a revoke or 100 days. */
	public synchronized FakeQbo rejectRefreshToken(String refreshToken) {
		rejectedRefreshTokens.add(refreshToken);
		return this;
	}

	/** {@code expires_in} of the access tokens issued from now on. */
	public synchronized FakeQbo accessTokenLifetime(Duration lifetime) {
		this.accessTokenSeconds = lifetime.toSeconds();
		return this;
	}

	/** The form parameters of every token request, plus {@code authorization} (the Basic header), oldest first. */
	public synchronized List<Map<String, String>> tokenRequests() {
		return List.copyOf(tokenRequests);
	}

	// ---- HTTP

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			URI uri = exchange.getRequestURI();
			Request request = new Request(exchange.getRequestMethod(), uri.getPath(), params(uri.getRawQuery()),
					new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("Authorization"));
			synchronized (this) {
				requests.add(request);
			}
			Reply reply;
			try {
				reply = reply(request);
			}
			catch (RuntimeException bug) {
				// a bug of the fake, not a QBO answer: say so loudly instead of dropping the connection
				bug.printStackTrace();
				reply = new Reply(500, json.createObjectNode().put("fakeQboBug", bug.toString()).toString(), null);
			}
			byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
			exchange.getResponseHeaders().set("intuit_tid", "1-" + UUID.randomUUID().toString().replace("-", ""));
			if (reply.retryAfter() != null) {
				exchange.getResponseHeaders().set("Retry-After", Long.toString(reply.retryAfter().toSeconds()));
			}
			exchange.sendResponseHeaders(reply.status(), answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (IOException ex) {
			// the client gave up (timeout) while we were answering
		}
	}

	private Reply reply(Request request) {
		if (request.path().equals(TOKEN_PATH) && request.method().equals("POST")) {
			return token(request);
		}
		if (request.path().startsWith(API_PATH + "/")) {
			return api(request);
		}
		return new Reply(404, "{\"error\":\"not found\"}", null);
	}

	private Reply api(Request request) {
		int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		try {
			Injected injection;
			Duration wait;
			synchronized (this) {
				injection = injected.poll();
				wait = latency;
			}
			if (injection != null && !injection.delay().isZero()) {
				pause(injection.delay());
			}
			pause(wait);
			if (injection != null && injection.status() != 0) {
				return injectedReply(injection);
			}
			if (!authorized(request.authorization())) {
				return unauthorized();
			}
			synchronized (this) {
				return serve(request);
			}
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private synchronized boolean authorized(String authorization) {
		return authorization != null && authorization.startsWith("Bearer ")
				&& accessTokens.contains(authorization.substring("Bearer ".length()));
	}

	private Reply serve(Request request) {
		String[] path = request.path().substring(API_PATH.length() + 1).split("/");
		// path = {realm}, entity[, id]
		if (path.length == 3 && path[1].equals("customer") && request.method().equals("GET")) {
			ObjectNode customer = customers.get(path[2]);
			return customer == null ? objectNotFound() : entity(200, customer);
		}
		if (path.length == 2 && path[1].equals("customer") && request.method().equals("POST")) {
			String requestId = request.params().get("requestid");
			if (requestId != null && replies.containsKey(requestId)) {
				return replies.get(requestId);
			}
			Reply reply = write(request.body());
			if (requestId != null) {
				replies.put(requestId, reply);
			}
			return reply;
		}
		if (path.length == 2 && path[1].equals("query") && request.method().equals("GET")) {
			return query(request.params().getOrDefault("query", ""));
		}
		return new Reply(400, fault("ValidationFault", "Unsupported Operation",
				"Operation " + request.method() + " " + request.path() + " is not supported by the fake QBO.", "500"),
				null);
	}

	private Reply write(String body) {
		ObjectNode customer;
		try {
			customer = (ObjectNode) json.readTree(body);
		}
		catch (IOException | ClassCastException ex) {
			return new Reply(400, fault("ValidationFault", "Request has invalid or unsupported property",
					"Property Name:Can not deserialize the request body", "2010"), null);
		}
		if (!customer.hasNonNull("Id")) {
			return create(customer);
		}
		ObjectNode current = customers.get(customer.path("Id").asText());
		if (current == null) {
			return objectNotFound();
		}
		if (staleWrites > 0) {
			staleWrites--;
			touch(current);
			return staleObject();
		}
		if (!current.path("SyncToken").asText().equals(customer.path("SyncToken").asText())) {
			return staleObject();
		}
		String displayName = customer.path("DisplayName").asText(current.path("DisplayName").asText());
		if (duplicate(displayName, current.path("Id").asText())) {
			return duplicateName();
		}
		Optional<Reply> parent = checkParent(customer);
		if (parent.isPresent()) {
			return parent.get();
		}
		if (!customer.path("sparse").asBoolean(false)) {
			// a full update replaces every writable field
			List<String> keep = List.of("Id", "SyncToken", "MetaData", "domain", "Balance", "BalanceWithJobs");
			List<String> names = new ArrayList<>();
			current.fieldNames().forEachRemaining(names::add);
			names.stream().filter(name -> !keep.contains(name)).forEach(current::remove);
			current.put("Active", true).put("Job", false).put("BillWithParent", false);
		}
		customer.fields().forEachRemaining(field -> {
			if (!List.of("Id", "SyncToken", "sparse").contains(field.getKey())) {
				current.set(field.getKey(), field.getValue());
			}
		});
		touch(current);
		return entity(200, current);
	}

	private Reply create(ObjectNode customer) {
		if (!customer.hasNonNull("DisplayName") || customer.path("DisplayName").asText().isBlank()) {
			return new Reply(400, fault("ValidationFault",
					"A business validation error has occurred while processing your request",
					"Business Validation Error: You must fill out at least one name field.", "6000"), null);
		}
		if (duplicate(customer.path("DisplayName").asText(), null)) {
			return duplicateName();
		}
		Optional<Reply> parent = checkParent(customer);
		if (parent.isPresent()) {
			return parent.get();
		}
		return entity(200, store(customer));
	}

	private ObjectNode store(ObjectNode customer) {
		String id = Integer.toString(nextId++);
		String now = timestamp();
		ObjectNode stored = json.createObjectNode();
		stored.put("domain", "QBO").put("sparse", false).put("Id", id).put("SyncToken", "0");
		stored.put("Active", true).put("Job", false).put("BillWithParent", false);
		stored.put("Balance", 0).put("BalanceWithJobs", 0);
		customer.fields().forEachRemaining(field -> {
			if (!List.of("Id", "SyncToken", "sparse").contains(field.getKey())) {
				stored.set(field.getKey(), field.getValue());
			}
		});
		stored.putObject("MetaData").put("CreateTime", now).put("LastUpdatedTime", now);
		names(stored);
		customers.put(id, stored);
		return stored;
	}

	private void touch(ObjectNode customer) {
		customer.put("SyncToken", Integer.toString(customer.path("SyncToken").asInt() + 1));
		((ObjectNode) customer.path("MetaData")).put("LastUpdatedTime", timestamp());
		names(customer);
	}

	// FullyQualifiedName "Parent:Job" and Level as QBO derives them
	private void names(ObjectNode customer) {
		ObjectNode parent = customers.get(customer.path("ParentRef").path("value").asText(""));
		if (parent == null) {
			customer.put("FullyQualifiedName", customer.path("DisplayName").asText()).put("Level", 0);
			customer.remove("ParentRef");
		}
		else {
			customer.put("FullyQualifiedName",
					parent.path("FullyQualifiedName").asText() + ":" + customer.path("DisplayName").asText())
				.put("Level", parent.path("Level").asInt() + 1);
		}
	}

	private Optional<Reply> checkParent(ObjectNode customer) {
		JsonNode parent = customer.path("ParentRef").path("value");
		return parent.isMissingNode() || customers.containsKey(parent.asText()) ? Optional.empty()
				: Optional.of(objectNotFound());
	}

	private boolean duplicate(String displayName, String exceptId) {
		return customers.values()
			.stream()
			.anyMatch(other -> other.path("DisplayName").asText().equalsIgnoreCase(displayName)
					&& !other.path("Id").asText().equals(exceptId));
	}

	private Reply query(String statement) {
		Matcher select = SELECT.matcher(statement.strip());
		if (!select.matches() || !select.group(1).equalsIgnoreCase("Customer")) {
			return new Reply(400, fault("ValidationFault", "Error parsing query",
					"QueryParserError: Encountered \"" + statement + "\"", "4000"), null);
		}
		String field = select.group(2);
		String value = select.group(3) == null ? null : select.group(3).replace("\\'", "'").replace("\\\\", "\\");
		List<JsonNode> found = customers.values()
			.stream()
			.filter(customer -> field == null || customer.path(field).asText().equals(value))
			.filter(customer -> "Active".equals(field) || customer.path("Active").asBoolean(true))
			.map(customer -> (JsonNode) customer)
			.toList();
		ObjectNode answer = json.createObjectNode();
		ObjectNode response = answer.putObject("QueryResponse");
		if (!found.isEmpty()) {
			response.putArray("Customer").addAll(found);
			response.put("startPosition", 1).put("maxResults", found.size());
		}
		answer.put("time", timestamp());
		return new Reply(200, answer.toString(), null);
	}

	private Reply token(Request request) {
		Map<String, String> form = params(request.body());
		Map<String, String> recorded = new LinkedHashMap<>(form);
		if (request.authorization() != null) {
			recorded.put("authorization", request.authorization());
		}
		synchronized (this) {
			tokenRequests.add(recorded);
			String grant = form.getOrDefault("grant_type", "");
			boolean valid = switch (grant) {
				case "authorization_code" -> authorizationCodes.remove(form.getOrDefault("code", ""));
				case "refresh_token" -> {
					String refresh = form.getOrDefault("refresh_token", "");
					// refresh tokens rotate: the one used is spent, the answer carries the next
					yield !rejectedRefreshTokens.contains(refresh) && refreshTokens.remove(refresh);
				}
				default -> false;
			};
			if (!basicAuth(request.authorization())) {
				return new Reply(401, "{\"error\":\"invalid_client\"}", null);
			}
			if (!valid) {
				return new Reply(400, "{\"error\":\"invalid_grant\"}", null);
			}
			Tokens tokens = issueTokens();
			ObjectNode answer = json.createObjectNode();
			answer.put("token_type", "bearer")
				.put("expires_in", accessTokenSeconds)
				.put("refresh_token", tokens.refreshToken())
				.put("x_refresh_token_expires_in", 8726400)
				.put("access_token", tokens.accessToken());
			return new Reply(200, answer.toString(), null);
		}
	}

	private static boolean basicAuth(String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return false;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
				StandardCharsets.UTF_8);
		return decoded.contains(":") && !decoded.startsWith(":");
	}

	private Reply injectedReply(Injected injection) {
		return switch (injection.status()) {
			case 401 -> unauthorized();
			case 429 -> new Reply(429, fault("ThrottlingFault", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
					"The request limit was reached.", "003001"), injection.retryAfter());
			case 5010 -> staleObject();
			default -> new Reply(injection.status(), fault("SystemFault",
					"An application error has occurred while processing your request",
					"System Failure Error: An unexpected error occurred while accessing or saving your data.",
					"10000"), null);
		};
	}

	private Reply unauthorized() {
		return new Reply(401, fault("AUTHENTICATION", "message=AuthenticationFailed; errorCode=003200; statusCode=401",
				"Token expired: the access token is no longer valid", "3200"), null);
	}

	private Reply objectNotFound() {
		// as in qbo-samples/fault-610-object-not-found.json
		return new Reply(400, fault("ValidationFault", "Object Not Found",
				"Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, invoices, items, vendors or employees.",
				"610"), null);
	}

	private Reply duplicateName() {
		// as in qbo-samples/batch-response-with-faults.json
		return new Reply(400, fault("ValidationFault", "Duplicate Name Exists Error",
				"The name supplied already exists. : Another customer, vendor or employee is already using this \\nname. Please use a different name.",
				"6240"), null);
	}

	private Reply staleObject() {
		return new Reply(400, fault("ValidationFault", "Stale Object Error",
				"Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.",
				"5010"), null);
	}

	private String fault(String type, String message, String detail, String code) {
		ObjectNode answer = json.createObjectNode();
		ObjectNode fault = answer.putObject("Fault");
		fault.putArray("Error")
			.addObject()
			.put("Message", message)
			.put("Detail", detail)
			.put("code", code)
			.put("element", "");
		fault.put("type", type);
		answer.put("time", timestamp());
		return answer.toString();
	}

	private Reply entity(int status, ObjectNode customer) {
		ObjectNode answer = json.createObjectNode();
		answer.set("Customer", customer.deepCopy());
		answer.put("time", timestamp());
		return new Reply(status, answer.toString(), null);
	}

	private String root() {
		return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
	}

	private static Map<String, String> params(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null || raw.isBlank()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String timestamp() {
		return OffsetDateTime.now(ZoneOffset.ofHours(-8)).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	// the fake's own latency, on its server thread (not in test code)
	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One request as received; {@code params} are the decoded query parameters. */
	public record Request(String method, String path, Map<String, String> params, String body,
			String authorization) {

		public boolean isWrite() {
			return method.equals("POST") && path.startsWith(API_PATH);
		}

		public boolean isApi() {
			return path.startsWith(API_PATH);
		}

	}

	/** An access token and its refresh token. */
	public record Tokens(String accessToken, String refreshToken) {
	}

	private record Reply(int status, String body, Duration retryAfter) {
	}

	private record Injected(int status, Duration delay, Duration retryAfter) {
	}

}
