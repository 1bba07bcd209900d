package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake QuickBooks Online on a free local port, speaking the v3 JSON of {@code ../shared/qbo-samples}: stateful
 * {@code Customer} create, read, sparse and full update with {@code SyncToken}, {@code requestid} replay, simple
 * queries, QBO's faults (6240 duplicate name, 610 object not found, 5010 stale object, 6000 business validation), and
 * Intuit's OAuth endpoints: token (authorization code and rotating refresh tokens, client credentials checked) and
 * revocation; the one fake of the QBO tests ({@code TestQboServer} shares one with the integration-test context). Beyond customers it serves
 * {@code Item}, {@code Employee}, {@code Vendor} (create, read, query by name), {@code TimeActivity} and
 * {@code Purchase} (create, read; references checked, 610 otherwise), {@code Invoice} (create with exact line and
 * total amounts, {@code include=invoiceLink}, {@code operation=void}, read), {@code CreditMemo} (create with
 * exact lines, read), {@code Payment} (create applying invoices and credit memos of the customer, e.g. a payment of 0
 * applying a credit memo to an invoice, the rest of {@code TotalAmt} unapplied; full update with {@code SyncToken},
 * e.g. a line applying the unapplied rest to another invoice ({@link #applyUnapplied}); read; deleted or voided by
 * finance, {@link #deletePayment}, {@link #voidPayment}) and {@code Payment}s made in QuickBooks ({@link #addPayment}), {@code /batch} (at most 30 items, one {@code Fault} per failed item) and {@code /cdc}.
 * Faults can be injected for the next calls ({@link #failNext}) or the next creates of one entity ({@link #rejectNext}),
 * and the answers to the next creates of one entity lost after they were carried out ({@link #loseAnswersToNextCreates}).
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

	public static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";

	/** Where the browser is sent to consent (the fake does not serve it: tests call the callback themselves). */
	public static final String AUTHORIZE_PATH = "/connect/oauth2";

	public static final String API_PATH = "/v3/company";

	private static final Pattern SELECT = Pattern.compile(
			"(?i)select \\* from (\\w+)(?: where (\\w+) = '((?:[^'\\\\]|\\\\.)*)')?\\s*(?:startposition \\d+)?\\s*(?:maxresults \\d+)?\\s*");

	static {
		// answer headers and body go out in separate writes: without TCP_NODELAY each answer waits for the client's
		// delayed ACK (~40 ms), which would make the fake, not the client, the bottleneck of every measurement
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	/** Entities besides customers the fake stores, by QBO name. */
	static final List<String> ENTITIES = List.of("Item", "Employee", "Vendor", "TimeActivity", "Purchase", "Invoice",
			"Payment", "CreditMemo");

	static final int MAX_BATCH_ITEMS = 30;

	/** The offset of the times QuickBooks Time enters (the sample company is on the US west coast). */
	private static final ZoneOffset PACIFIC = ZoneOffset.ofHours(-8);

	// amounts stay exact decimals, as QBO keeps them
	private final ObjectMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.build();

	private final Map<String, Map<String, ObjectNode>> entities = new HashMap<>();

	// when each entity last changed, to the millisecond and strictly increasing (CDC compares with it)
	private final Map<String, Instant> changedAt = new HashMap<>();

	private final Map<String, String> invoiceLinks = new HashMap<>();

	// deleted records by entity and id, as /cdc reports them
	private final Map<String, Map<String, ObjectNode>> deleted = new HashMap<>();

	private boolean offerInvoiceLinks = true;

	private final Map<String, Deque<String>> rejections = new HashMap<>();

	// per entity: how many of the next creates are saved (or replayed) and then answered 503, the answer lost
	private final Map<String, Integer> lostAnswers = new HashMap<>();

	private Instant lastTick = Instant.EPOCH;

	// how far the fake's clock is ahead of the wall clock (advanceClock)
	private Duration clockOffset = Duration.ZERO;

	// QBO answers at most 1,000 records per entity in one CDC call
	private int cdcLimit = 1000;

	private int nextDocNumber = 1001;

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

	private final List<String> revocations = new ArrayList<>();

	private volatile Duration refreshDelay = Duration.ZERO;

	private volatile String requiredClientSecret;

	private volatile String cannedCdc;

	private Tokens lastIssued;

	private FakeQbo() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(threads);
		this.server.createContext("/", this::handle);
		ENTITIES.forEach(entity -> entities.put(entity, new LinkedHashMap<>()));
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

	/** The revocation endpoint, like {@code https://developer.api.intuit.com/v2/oauth2/tokens/revoke}. */
	public URI revokeUrl() {
		return URI.create(root() + REVOKE_PATH);
	}

	/** The consent page, like {@code https://appcenter.intuit.com/connect/oauth2}. */
	public URI authorizeUrl() {
		return URI.create(root() + AUTHORIZE_PATH);
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

	/**
	 * The next {@code count} creates of {@code entity} (single or in a {@code /batch}; for {@code Customer}: creates
	 * and updates) are refused with QBO's validation fault {@code code}: {@code 6000} business validation, {@code 610} object not found, {@code 6240}
	 * duplicate name.
	 */
	public synchronized FakeQbo rejectNext(String entity, String code, int count) {
		Deque<String> codes = rejections.computeIfAbsent(entity, name -> new ArrayDeque<>());
		for (int i = 0; i < count; i++) {
			codes.add(code);
		}
		return this;
	}

	/**
	 * The next {@code count} creates of {@code entity} (single POSTs, e.g. {@code Payment}) are carried out as usual —
	 * saved, or replayed by their {@code requestid} — and then answered 503 as if the answer were lost on the way back:
	 * QuickBooks holds what the caller believes failed.
	 */
	public synchronized FakeQbo loseAnswersToNextCreates(String entity, int count) {
		lostAnswers.merge(entity, count, Integer::sum);
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

	/** The stored entities of one type ({@code Invoice}, {@code TimeActivity}, ...), in creation order. */
	public synchronized List<JsonNode> entities(String entity) {
		return entities.get(entity).values().stream().map(node -> (JsonNode) node.deepCopy()).toList();
	}

	public synchronized Optional<JsonNode> entity(String entity, String id) {
		return Optional.ofNullable(entities.get(entity).get(id)).map(ObjectNode::deepCopy);
	}

	/**
	 * A customer pays {@code amount} of an invoice in QuickBooks: a {@code Payment} with a {@code LinkedTxn} to the
	 * invoice (as in {@code qbo-samples/payment-response.json}); the invoice's balance drops. Returns the payment Id.
	 */
	/** The {@code InvoiceLink} of the invoice, if it has one. */
	public synchronized Optional<String> invoiceLink(String invoiceId) {
		return Optional.ofNullable(invoiceLinks.get(invoiceId));
	}

	/** Whether invoices created from now on get an {@code InvoiceLink} (not without online payments enabled). */
	public synchronized FakeQbo offerInvoiceLinks(boolean offer) {
		this.offerInvoiceLinks = offer;
		return this;
	}

	public synchronized String addPayment(String invoiceId, BigDecimal amount) {
		ObjectNode invoice = entities.get("Invoice").get(invoiceId);
		ObjectNode payment = json.createObjectNode();
		payment.put("TxnDate", java.time.LocalDate.now().toString()).put("TotalAmt", amount).put("UnappliedAmt", 0);
		payment.set("CustomerRef", invoice.path("CustomerRef").deepCopy());
		ObjectNode line = payment.putArray("Line").addObject().put("Amount", amount);
		line.putArray("LinkedTxn").addObject().put("TxnId", invoiceId).put("TxnType", "Invoice");
		ObjectNode stored = storeEntity("Payment", payment);
		invoice.put("Balance", invoice.path("Balance").decimalValue().subtract(amount));
		touchEntity("Invoice", invoice);
		return stored.path("Id").asText();
	}

	/**
	 * Someone enters time in QuickBooks (or QuickBooks Time): a billable {@code TimeActivity} of the employee on the
	 * job, from {@code start} to {@code end} that day, as QuickBooks Time enters it ({@code StartTime}/{@code EndTime}
	 * with the company's offset, no {@code Hours}). Returns its Id.
	 */
	public synchronized String addTimeActivity(String jobId, String employeeId, java.time.LocalDate date,
			java.time.LocalTime start, java.time.LocalTime end, String description) {
		ObjectNode activity = timeActivity(jobId, employeeId, date, description);
		activity.put("StartTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atTime(start).atOffset(PACIFIC)))
			.put("EndTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atTime(end).atOffset(PACIFIC)));
		return storeEntity("TimeActivity", activity).path("Id").asText();
	}

	/** Someone changes the time activity's description in QuickBooks (its SyncToken moves on). */
	public synchronized void describeTimeActivity(String id, String description) {
		ObjectNode activity = entities.get("TimeActivity").get(id);
		activity.put("Description", description);
		touchEntity("TimeActivity", activity);
	}

	private ObjectNode timeActivity(String jobId, String employeeId, java.time.LocalDate date, String description) {
		ObjectNode activity = json.createObjectNode();
		activity.put("TxnDate", date.toString()).put("NameOf", "Employee");
		activity.putObject("EmployeeRef").put("value", employeeId)
			.put("name", entities.get("Employee").get(employeeId).path("DisplayName").asText());
		activity.putObject("CustomerRef").put("value", jobId)
			.put("name", customers.get(jobId).path("DisplayName").asText());
		activity.put("BillableStatus", "Billable").put("HourlyRate", new BigDecimal("150.00")).put("Taxable", false);
		activity.put("Description", description);
		return activity;
	}

	/**
	 * Someone enters an expense in QuickBooks, paid by credit card: a {@code Purchase} from the vendor with one
	 * billable {@code AccountBasedExpenseLineDetail} line on the job, in US dollars (as the billable line of
	 * {@code qbo-samples/bill-billable-expense-response.json}), and one line on no customer. Returns its Id.
	 */
	public synchronized String addPurchase(String jobId, String vendorId, java.time.LocalDate date, BigDecimal amount,
			String description) {
		ObjectNode purchase = json.createObjectNode();
		purchase.put("PaymentType", "CreditCard").put("TxnDate", date.toString()).put("PrivateNote", "Card 4412");
		purchase.putObject("AccountRef").put("value", "42").put("name", "Visa");
		purchase.putObject("EntityRef").put("value", vendorId).put("type", "Vendor");
		purchase.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
		ArrayNode lines = purchase.putArray("Line");
		ObjectNode onJob = lines.addObject().put("DetailType", "AccountBasedExpenseLineDetail")
			.put("Amount", amount)
			.put("Description", description);
		ObjectNode detail = onJob.putObject("AccountBasedExpenseLineDetail").put("BillableStatus", "Billable");
		detail.putObject("AccountRef").put("value", "64").put("name", "Job Expenses:Job Materials");
		detail.putObject("CustomerRef").put("value", jobId);
		ObjectNode office = lines.addObject().put("DetailType", "AccountBasedExpenseLineDetail")
			.put("Amount", new BigDecimal("12.00"))
			.put("Description", "Office coffee");
		office.putObject("AccountBasedExpenseLineDetail").putObject("AccountRef").put("value", "13");
		if (checkPurchase(purchase).isPresent()) {
			throw new IllegalArgumentException("no job " + jobId + " or vendor " + vendorId);
		}
		return storeEntity("Purchase", purchase).path("Id").asText();
	}

	/**
	 * Finance applies {@code amount} of the payment's unapplied rest to an invoice of the same customer in QuickBooks:
	 * the payment is updated with one more line linked to the invoice, shaped as QuickBooks reads it back
	 * ({@code qbo-samples/payment-response.json}: {@code Amount}, {@code LinkedTxn}, {@code LineEx}); its
	 * {@code UnappliedAmt} and the invoice's balance drop, both are touched. Fails like the API would (as {@link #write}).
	 */
	public synchronized void applyUnapplied(String paymentId, String invoiceId, BigDecimal amount) {
		ObjectNode payment = entities.get("Payment").get(paymentId).deepCopy();
		ObjectNode invoice = entities.get("Invoice").get(invoiceId);
		ObjectNode line = ((ArrayNode) payment.path("Line")).addObject().put("Amount", amount);
		ArrayNode extras = line.putObject("LineEx").putArray("any");
		nameValue(extras, "txnId", invoiceId);
		nameValue(extras, "txnOpenBalance", invoice.path("Balance").decimalValue().toPlainString());
		nameValue(extras, "txnReferenceNumber", invoice.path("DocNumber").asText());
		line.putArray("LinkedTxn").addObject().put("TxnId", invoiceId).put("TxnType", "Invoice");
		Outcome outcome = updatePayment(payment);
		if (outcome.fault() != null) {
			throw new IllegalArgumentException("QuickBooks refuses the update: " + outcome.fault().body());
		}
	}

	/**
	 * Finance deletes the payment in QuickBooks: it reads as 610 Object Not Found from now on, its invoices owe again,
	 * and {@code /cdc} reports it as QBO does a deleted record ({@code {"domain":"QBO","status":"Deleted","Id":…}}).
	 */
	public synchronized void deletePayment(String paymentId) {
		ObjectNode payment = entities.get("Payment").remove(paymentId);
		if (payment == null) {
			throw new IllegalArgumentException("no payment " + paymentId);
		}
		applyLines(payment, BigDecimal.ONE.negate());
		ObjectNode tombstone = json.createObjectNode().put("domain", "QBO").put("status", "Deleted").put("Id", paymentId);
		tombstone.putObject("MetaData").put("LastUpdatedTime", timestamp());
		deleted.computeIfAbsent("Payment", name -> new LinkedHashMap<>()).put(paymentId, tombstone);
		changedAt.put("Payment:" + paymentId, tick());
	}

	/**
	 * Finance voids the payment in QuickBooks ({@code operation=update&include=void}): it stays, every amount zeroed,
	 * "Voided" put before its note; its invoices owe again. {@code /cdc} reports it as an update.
	 */
	public synchronized void voidPayment(String paymentId) {
		ObjectNode payment = entities.get("Payment").get(paymentId);
		applyLines(payment, BigDecimal.ONE.negate());
		payment.put("TotalAmt", BigDecimal.ZERO).put("UnappliedAmt", BigDecimal.ZERO);
		for (JsonNode line : payment.path("Line")) {
			((ObjectNode) line).put("Amount", BigDecimal.ZERO);
		}
		String note = payment.path("PrivateNote").asText("");
		payment.put("PrivateNote", note.isEmpty() ? "Voided" : "Voided - " + note);
		touchEntity("Payment", payment);
	}

	/** Finance changes the amount of one line of the payment in QuickBooks (a full update; fails like the API). */
	public synchronized void changePaymentLine(String paymentId, int line, BigDecimal amount) {
		ObjectNode payment = entities.get("Payment").get(paymentId).deepCopy();
		((ObjectNode) payment.path("Line").path(line)).put("Amount", amount);
		Outcome outcome = updatePayment(payment);
		if (outcome.fault() != null) {
			throw new IllegalArgumentException("QuickBooks refuses the update: " + outcome.fault().body());
		}
	}

	// one entry of a line's LineEx, as QBO serialises its JAXB NameValue
	private static void nameValue(ArrayNode extras, String name, String value) {
		ObjectNode entry = extras.addObject().put("name", "{http://schema.intuit.com/finance/v3}NameValue")
			.put("nil", false);
		entry.putObject("value").put("Name", name).put("Value", value);
		entry.put("declaredType", "com.intuit.schema.finance.v3.NameValue")
			.put("scope", "javax.xml.bind.JAXBElement$GlobalScope")
			.put("globalScope", true)
			.put("typeSubstituted", false);
	}

	/** A payment received in QuickBooks that is not applied to any invoice (yet); returns its Id. */
	public synchronized String addUnappliedPayment(BigDecimal amount) {
		ObjectNode payment = json.createObjectNode();
		payment.put("TxnDate", java.time.LocalDate.now().toString()).put("TotalAmt", amount).put("UnappliedAmt", amount);
		payment.putArray("Line");
		return storeEntity("Payment", payment).path("Id").asText();
	}

	/** The fake's clock (MetaData times, CDC) moves {@code duration} ahead, as if that much time passed. */
	public synchronized FakeQbo advanceClock(Duration duration) {
		clockOffset = clockOffset.plus(duration);
		return this;
	}

	/** {@code /cdc} answers at most {@code limit} records per entity (QBO: 1,000), the oldest changes first. */
	public synchronized FakeQbo cdcLimit(int limit) {
		this.cdcLimit = limit;
		return this;
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
		lastIssued = tokens;
		return tokens;
	}

	/** The tokens the fake issued last (token endpoint or {@link #issueTokens}). */
	public synchronized Tokens lastIssued() {
		return lastIssued;
	}

	/** An access token issued elsewhere (a test's own token source) that the API accepts from now on. */
	public synchronized FakeQbo acceptAccessToken(String accessToken) {
		accessTokens.add(accessToken);
		return this;
	}

	/** Intuit forgets every refresh token issued so far (revoked in QuickBooks, or expired). */
	public synchronized FakeQbo refuseAllRefreshTokens() {
		refreshTokens.clear();
		return this;
	}

	/** Whether the token endpoint would still take this refresh token (tokens rotate: a used one is spent). */
	public synchronized boolean refreshTokenValid(String refreshToken) {
		return refreshTokens.contains(refreshToken) && !rejectedRefreshTokens.contains(refreshToken);
	}

	/** How long each refresh takes from now on (Intuit's latency), to widen the window for concurrent refreshes. */
	public FakeQbo refreshDelay(Duration delay) {
		this.refreshDelay = delay;
		return this;
	}

	/**
	 * The token endpoint accepts only this client secret from now on ({@code 401 invalid_client} otherwise), as after
	 * the secret was rotated in Intuit's developer portal; {@code null}: any client credentials.
	 */
	public FakeQbo requireClientSecret(String secret) {
		this.requiredClientSecret = secret;
		return this;
	}

	/** The bodies of the revocation requests, oldest first. */
	public synchronized List<String> revoked() {
		return List.copyOf(revocations);
	}

	/** How many token requests had this {@code grant_type} ({@code authorization_code}, {@code refresh_token}). */
	public synchronized long tokenRequestCount(String grantType) {
		return tokenRequests.stream().filter(request -> grantType.equals(request.get("grant_type"))).count();
	}

	/** {@code /cdc} answers exactly this body from now on ({@code null}: computed from the stored entities). */
	public FakeQbo cannedCdc(String body) {
		this.cannedCdc = body;
		return this;
	}

	/**
	 * Forgets the OAuth settings and recordings of earlier tests (token requests, revocations, delays, the required
	 * secret, lifetimes): for a fake shared by a whole test JVM.
	 */
	public synchronized FakeQbo resetOAuth() {
		tokenRequests.clear();
		revocations.clear();
		rejectedRefreshTokens.clear();
		refreshDelay = Duration.ZERO;
		requiredClientSecret = null;
		accessTokenSeconds = 3600;
		return this;
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
		if (request.path().equals(REVOKE_PATH) && request.method().equals("POST")) {
			synchronized (this) {
				revocations.add(request.body());
			}
			return new Reply(200, "", null);
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
		if (path.length == 2 && path[1].equals("cdc") && request.method().equals("GET")) {
			return cdc(request.params());
		}
		if (path.length == 2 && path[1].equals("batch") && request.method().equals("POST")) {
			return replayed(request, () -> batch(request.body()));
		}
		String entity = entityOf(path[1]);
		if (entity != null && path.length == 3 && request.method().equals("GET")) {
			ObjectNode found = entities.get(entity).get(path[2]);
			return found == null ? objectNotFound() : entity(entity, withLink(entity, found, request.params()));
		}
		if (entity != null && path.length == 2 && request.method().equals("POST")) {
			Reply reply = replayed(request, () -> {
				ObjectNode body = "void".equals(request.params().get("operation")) ? null : parse(request.body());
				Outcome outcome = body == null ? voidInvoice(entity, request.body())
						: "Payment".equals(entity) && body.hasNonNull("Id") ? updatePayment(body)
								: createEntity(entity, body);
				return outcome.fault() != null ? outcome.fault()
						: entity(entity, withLink(entity, outcome.entity(), request.params()));
			});
			if (lostAnswers.getOrDefault(entity, 0) > 0) {
				lostAnswers.merge(entity, -1, Integer::sum);
				return injectedReply(new Injected(503, Duration.ZERO, null));
			}
			return reply;
		}
		return new Reply(400, fault("ValidationFault", "Unsupported Operation",
				"Operation " + request.method() + " " + request.path() + " is not supported by the fake QBO.", "500"),
				null);
	}

	private Reply write(String body) {
		Deque<String> refused = rejections.get("Customer");
		if (refused != null && !refused.isEmpty()) {
			return validationFault(refused.poll());
		}
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
		String queried = select.matches() ? entityOf(select.group(1).toLowerCase(java.util.Locale.ROOT)) : null;
		if (select.matches() && queried != null) {
			return queryEntity(queried, select.group(2),
					select.group(3) == null ? null : select.group(3).replace("\\'", "'").replace("\\\\", "\\"));
		}
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

	// ---- entities besides customers

	private static String entityOf(String path) {
		return ENTITIES.stream().filter(name -> name.equalsIgnoreCase(path)).findFirst().orElse(null);
	}

	/** A write keyed by {@code requestid}: the same key answers what it answered the first time. */
	private Reply replayed(Request request, java.util.function.Supplier<Reply> write) {
		String requestId = request.params().get("requestid");
		if (requestId != null && replies.containsKey(requestId)) {
			return replies.get(requestId);
		}
		Reply reply = write.get();
		if (requestId != null) {
			replies.put(requestId, reply);
		}
		return reply;
	}

	private ObjectNode parse(String body) {
		try {
			return (ObjectNode) json.readTree(body);
		}
		catch (IOException | ClassCastException ex) {
			throw new IllegalArgumentException("Not a JSON object: " + body, ex);
		}
	}

	private Outcome createEntity(String entity, ObjectNode body) {
		Deque<String> rejected = rejections.get(entity);
		if (rejected != null && !rejected.isEmpty()) {
			return Outcome.failed(validationFault(rejected.poll()));
		}
		Optional<Reply> invalid = switch (entity) {
			case "Item" -> named(entity, "Name", body);
			case "Employee", "Vendor" -> named(entity, "DisplayName", body);
			case "TimeActivity" -> checkTimeActivity(body);
			case "Purchase" -> checkPurchase(body);
			case "Invoice" -> checkInvoice(body);
			case "CreditMemo" -> checkCreditMemo(body);
			case "Payment" -> applyPayment(body);
			default -> Optional.of(validationFault("6000"));
		};
		return invalid.map(Outcome::failed).orElseGet(() -> Outcome.created(storeEntity(entity, body)));
	}

	private Optional<Reply> named(String entity, String field, ObjectNode body) {
		String name = body.path(field).asText("");
		if (name.isBlank()) {
			return Optional.of(validationFault("6000"));
		}
		boolean taken = entities.get(entity)
			.values()
			.stream()
			.anyMatch(other -> other.path(field).asText().equalsIgnoreCase(name));
		return taken ? Optional.of(duplicateName()) : Optional.empty();
	}

	private Optional<Reply> checkTimeActivity(ObjectNode body) {
		if (!customers.containsKey(body.path("CustomerRef").path("value").asText())
				|| !entities.get("Employee").containsKey(body.path("EmployeeRef").path("value").asText())
				|| (body.has("ItemRef")
						&& !entities.get("Item").containsKey(body.path("ItemRef").path("value").asText()))) {
			return Optional.of(objectNotFound());
		}
		// QBO answers references with the name of what they refer to
		((ObjectNode) body.path("EmployeeRef")).put("name",
				entities.get("Employee").get(body.path("EmployeeRef").path("value").asText()).path("DisplayName").asText());
		((ObjectNode) body.path("CustomerRef")).put("name",
				customers.get(body.path("CustomerRef").path("value").asText()).path("DisplayName").asText());
		return Optional.empty();
	}

	private Optional<Reply> checkPurchase(ObjectNode body) {
		if (!body.hasNonNull("AccountRef") || !body.path("Line").isArray() || body.path("Line").isEmpty()) {
			return Optional.of(validationFault("6000"));
		}
		if (body.has("EntityRef") && !entities.get("Vendor").containsKey(body.path("EntityRef").path("value").asText())) {
			return Optional.of(objectNotFound());
		}
		BigDecimal total = BigDecimal.ZERO;
		int lineId = 1;
		for (JsonNode line : body.path("Line")) {
			JsonNode customer = line.path("AccountBasedExpenseLineDetail").path("CustomerRef");
			if (!customer.isMissingNode() && !customers.containsKey(customer.path("value").asText())) {
				return Optional.of(objectNotFound());
			}
			if (!customer.isMissingNode()) {
				((ObjectNode) customer).put("name",
						customers.get(customer.path("value").asText()).path("DisplayName").asText());
			}
			// QBO numbers the lines of a transaction
			((ObjectNode) line).put("Id", Integer.toString(lineId++));
			total = total.add(line.path("Amount").decimalValue());
		}
		if (body.has("EntityRef")) {
			((ObjectNode) body.path("EntityRef")).put("name", entities.get("Vendor")
				.get(body.path("EntityRef").path("value").asText())
				.path("DisplayName")
				.asText());
		}
		body.put("TotalAmt", total);
		return Optional.empty();
	}

	private Optional<Reply> checkInvoice(ObjectNode body) {
		if (!customers.containsKey(body.path("CustomerRef").path("value").asText())) {
			return Optional.of(objectNotFound());
		}
		BigDecimal total = BigDecimal.ZERO;
		int lineNum = 1;
		for (JsonNode node : body.path("Line")) {
			ObjectNode line = (ObjectNode) node;
			JsonNode detail = line.path("SalesItemLineDetail");
			if (!entities.get("Item").containsKey(detail.path("ItemRef").path("value").asText())) {
				return Optional.of(objectNotFound());
			}
			BigDecimal amount = line.path("Amount").decimalValue();
			BigDecimal expected = detail.path("Qty").decimalValue()
				.multiply(detail.path("UnitPrice").decimalValue())
				.setScale(2, RoundingMode.HALF_UP);
			if (expected.compareTo(amount) != 0) {
				return Optional.of(new Reply(400, fault("ValidationFault", "Amount calculation incorrect",
						"Amount is not equal to UnitPrice * Qty. Supplied value:" + amount, "6070"), null));
			}
			total = total.add(amount);
			line.put("LineNum", lineNum).put("Id", Integer.toString(lineNum));
			lineNum++;
		}
		ArrayNode lines = (ArrayNode) body.path("Line");
		lines.addObject().put("DetailType", "SubTotalLineDetail").put("Amount", total).putObject("SubTotalLineDetail");
		String docNumber = body.path("DocNumber").asText("");
		if (docNumber.isBlank()) {
			docNumber = Integer.toString(nextDocNumber++);
			body.put("DocNumber", docNumber);
		}
		String number = docNumber;
		if (entities.get("Invoice").values().stream().anyMatch(other -> other.path("DocNumber").asText().equals(number))) {
			return Optional.of(new Reply(400, fault("ValidationFault", "Duplicate Document Number Error",
					"Duplicate Document Number Error : You must specify a different number. This number has already been used.",
					"6140"), null));
		}
		// like QuickBooks: the tax given in TxnTaxDetail.TotalTax overrides its own computation
		BigDecimal owed = total.add(body.path("TxnTaxDetail").path("TotalTax").decimalValue());
		body.put("TotalAmt", owed).put("Balance", owed);
		body.put("EmailStatus", "NotSet").put("PrintStatus", "NeedToPrint");
		return Optional.empty();
	}

	/** Like an invoice's lines, without a doc number check; the whole amount is credit to apply ({@code Balance}). */
	private Optional<Reply> checkCreditMemo(ObjectNode body) {
		if (!customers.containsKey(body.path("CustomerRef").path("value").asText()) || !body.path("Line").isArray()
				|| body.path("Line").isEmpty()) {
			return Optional.of(body.path("Line").isEmpty() ? validationFault("6000") : objectNotFound());
		}
		BigDecimal total = BigDecimal.ZERO;
		int lineNum = 1;
		for (JsonNode node : body.path("Line")) {
			JsonNode detail = node.path("SalesItemLineDetail");
			if (!entities.get("Item").containsKey(detail.path("ItemRef").path("value").asText())) {
				return Optional.of(objectNotFound());
			}
			BigDecimal amount = node.path("Amount").decimalValue();
			if (amount.signum() <= 0 || detail.path("Qty").decimalValue()
				.multiply(detail.path("UnitPrice").decimalValue())
				.setScale(2, RoundingMode.HALF_UP)
				.compareTo(amount) != 0) {
				return Optional.of(new Reply(400, fault("ValidationFault", "Amount calculation incorrect",
						"Amount is not equal to UnitPrice * Qty. Supplied value:" + amount, "6070"), null));
			}
			((ObjectNode) node).put("LineNum", lineNum).put("Id", Integer.toString(lineNum));
			lineNum++;
			total = total.add(amount);
		}
		body.put("TotalAmt", total).put("Balance", total).put("RemainingCredit", total);
		return Optional.empty();
	}

	/**
	 * A payment as QuickBooks takes it: every line names one invoice or credit memo of the payment's customer, at most
	 * its open balance; {@code TotalAmt} is at least what the invoices get less what the credit memos give (0 when a
	 * credit memo pays an invoice), the rest is the customer's {@code UnappliedAmt} (qbo-samples/payment-response.json:
	 * 65.00 received, 55.00 applied, 10.00 unapplied). The balances drop, and both are touched (the change feed
	 * reports them).
	 */
	private Optional<Reply> applyPayment(ObjectNode body) {
		String customer = body.path("CustomerRef").path("value").asText();
		if (!customers.containsKey(customer) || !body.path("Line").isArray()) {
			return Optional.of(objectNotFound());
		}
		BigDecimal cash = BigDecimal.ZERO;
		List<Map.Entry<ObjectNode, BigDecimal>> applied = new ArrayList<>();
		for (JsonNode line : body.path("Line")) {
			JsonNode txn = line.path("LinkedTxn").path(0);
			String type = txn.path("TxnType").asText();
			ObjectNode linked = List.of("Invoice", "CreditMemo").contains(type)
					? entities.get(type).get(txn.path("TxnId").asText()) : null;
			if (linked == null || line.path("LinkedTxn").size() != 1) {
				return Optional.of(objectNotFound());
			}
			BigDecimal amount = line.path("Amount").decimalValue();
			if (!customer.equals(linked.path("CustomerRef").path("value").asText()) || amount.signum() <= 0
					|| amount.compareTo(linked.path("Balance").decimalValue()) > 0) {
				return Optional.of(validationFault("6000"));
			}
			cash = "Invoice".equals(type) ? cash.add(amount) : cash.subtract(amount);
			applied.add(Map.entry(linked, amount));
		}
		BigDecimal total = body.path("TotalAmt").decimalValue();
		boolean nothing = applied.isEmpty() && total.signum() <= 0;
		if (cash.signum() < 0 || cash.compareTo(total) > 0 || nothing) {
			return Optional.of(new Reply(400, fault("ValidationFault", "A business validation error has occurred",
					"Business Validation Error: The payment amount must match the amounts applied", "6000"), null));
		}
		for (Map.Entry<ObjectNode, BigDecimal> part : applied) {
			ObjectNode linked = part.getKey();
			linked.put("Balance", linked.path("Balance").decimalValue().subtract(part.getValue()));
			if (linked.has("RemainingCredit")) {
				linked.put("RemainingCredit", linked.path("Balance").decimalValue());
			}
			touchEntity(linked.has("RemainingCredit") ? "CreditMemo" : "Invoice", linked);
		}
		body.put("UnappliedAmt", total.subtract(cash));
		return Optional.empty();
	}

	/**
	 * A full update of a payment, as QuickBooks takes it ({@code Id} and the current {@code SyncToken}): the lines
	 * replace the old ones and are checked like a new payment's against the balances without the old lines; the
	 * balances of the invoices and credit memos move by the difference, {@code UnappliedAmt} is computed again.
	 */
	private Outcome updatePayment(ObjectNode body) {
		ObjectNode current = entities.get("Payment").get(body.path("Id").asText());
		if (current == null) {
			return Outcome.failed(objectNotFound());
		}
		if (!current.path("SyncToken").asText().equals(body.path("SyncToken").asText())) {
			return Outcome.failed(staleObject());
		}
		applyLines(current, BigDecimal.ONE.negate());
		Optional<Reply> invalid = applyPayment(body);
		if (invalid.isPresent()) {
			applyLines(current, BigDecimal.ONE);
			return Outcome.failed(invalid.get());
		}
		List<String> keep = List.of("Id", "SyncToken", "MetaData", "domain");
		List<String> names = new ArrayList<>();
		current.fieldNames().forEachRemaining(names::add);
		names.stream().filter(name -> !keep.contains(name)).forEach(current::remove);
		body.fields().forEachRemaining(field -> {
			if (!List.of("Id", "SyncToken", "sparse", "MetaData", "domain").contains(field.getKey())) {
				current.set(field.getKey(), field.getValue());
			}
		});
		current.put("sparse", false);
		touchEntity("Payment", current);
		return Outcome.created(current);
	}

	// the payment's lines taken off (sign -1: the balances grow again) or applied again (sign 1)
	private void applyLines(ObjectNode payment, BigDecimal sign) {
		for (JsonNode line : payment.path("Line")) {
			JsonNode txn = line.path("LinkedTxn").path(0);
			ObjectNode linked = entities.getOrDefault(txn.path("TxnType").asText(), Map.of())
				.get(txn.path("TxnId").asText());
			if (linked != null) {
				linked.put("Balance",
						linked.path("Balance").decimalValue().subtract(line.path("Amount").decimalValue().multiply(sign)));
				if (linked.has("RemainingCredit")) {
					linked.put("RemainingCredit", linked.path("Balance").decimalValue());
				}
			}
		}
	}

	private Outcome voidInvoice(String entity, String body) {
		ObjectNode request = parse(body);
		ObjectNode invoice = "Invoice".equals(entity) ? entities.get(entity).get(request.path("Id").asText()) : null;
		if (invoice == null) {
			return Outcome.failed(objectNotFound());
		}
		if (!invoice.path("SyncToken").asText().equals(request.path("SyncToken").asText())) {
			return Outcome.failed(staleObject());
		}
		invoice.put("TotalAmt", BigDecimal.ZERO).put("Balance", BigDecimal.ZERO).put("PrivateNote", "Voided");
		for (JsonNode line : invoice.path("Line")) {
			((ObjectNode) line).put("Amount", BigDecimal.ZERO);
		}
		touchEntity(entity, invoice);
		return Outcome.created(invoice);
	}

	private ObjectNode storeEntity(String entity, ObjectNode body) {
		String id = Integer.toString(nextId++);
		String now = timestamp();
		ObjectNode stored = json.createObjectNode();
		stored.put("domain", "QBO").put("sparse", false).put("Id", id).put("SyncToken", "0");
		body.fields().forEachRemaining(field -> {
			if (!List.of("Id", "SyncToken", "sparse").contains(field.getKey())) {
				stored.set(field.getKey(), field.getValue());
			}
		});
		if (List.of("Item", "Employee", "Vendor").contains(entity)) {
			stored.put("Active", true);
		}
		stored.putObject("MetaData").put("CreateTime", now).put("LastUpdatedTime", now);
		entities.get(entity).put(id, stored);
		changedAt.put(entity + ":" + id, tick());
		if (entity.equals("Invoice") && offerInvoiceLinks) {
			invoiceLinks.put(id, "https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-"
					+ UUID.randomUUID().toString().replace("-", "") + "?locale=en_US");
		}
		return stored;
	}

	private void touchEntity(String entity, ObjectNode node) {
		node.put("SyncToken", Integer.toString(node.path("SyncToken").asInt() + 1));
		((ObjectNode) node.path("MetaData")).put("LastUpdatedTime", timestamp());
		changedAt.put(entity + ":" + node.path("Id").asText(), tick());
	}

	private ObjectNode withLink(String entity, ObjectNode node, Map<String, String> params) {
		ObjectNode answer = node.deepCopy();
		if (entity.equals("Invoice") && "invoiceLink".equals(params.get("include"))) {
			answer.put("InvoiceLink", invoiceLinks.get(node.path("Id").asText()));
		}
		return answer;
	}

	private Reply batch(String body) {
		JsonNode items = parse(body).path("BatchItemRequest");
		if (items.size() > MAX_BATCH_ITEMS) {
			return new Reply(400, fault("ValidationFault", "Batch size exceeded",
					"Batch request can contain at most " + MAX_BATCH_ITEMS + " items, not " + items.size(), "2010"),
					null);
		}
		ObjectNode answer = json.createObjectNode();
		ArrayNode responses = answer.putArray("BatchItemResponse");
		for (JsonNode item : items) {
			String entity = ENTITIES.stream().filter(item::has).findFirst().orElse(null);
			ObjectNode response = json.createObjectNode().put("bId", item.path("bId").asText());
			Outcome outcome = entity == null || !"create".equals(item.path("operation").asText())
					? Outcome.failed(validationFault("6000"))
					: createEntity(entity, (ObjectNode) item.get(entity).deepCopy());
			if (outcome.fault() != null) {
				try {
					response.set("Fault", json.readTree(outcome.fault().body()).get("Fault"));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			else {
				response.set(entity, outcome.entity().deepCopy());
			}
			responses.add(response);
		}
		answer.put("time", timestamp());
		return new Reply(200, answer.toString(), null);
	}

	private Reply cdc(Map<String, String> params) {
		if (cannedCdc != null) {
			return new Reply(200, cannedCdc, null);
		}
		Instant since;
		try {
			since = OffsetDateTime.parse(params.getOrDefault("changedSince", "")).toInstant();
		}
		catch (RuntimeException ex) {
			return new Reply(400, fault("ValidationFault", "Invalid changedSince",
					"changedSince must be an ISO date-time, not " + params.get("changedSince"), "2010"), null);
		}
		Instant now = tick();
		ObjectNode answer = json.createObjectNode();
		ArrayNode queryResponses = answer.putArray("CDCResponse").addObject().putArray("QueryResponse");
		for (String entity : params.getOrDefault("entities", "").split(",")) {
			String name = entityOf(entity.strip());
			if (name == null) {
				continue;
			}
			// the oldest changes first, at most cdcLimit of them, as QBO pages
			List<ObjectNode> changed = java.util.stream.Stream
				.concat(entities.get(name).values().stream(), deleted.getOrDefault(name, Map.of()).values().stream())
				.filter(node -> !changedAt.get(name + ":" + node.path("Id").asText()).isBefore(since))
				.sorted(java.util.Comparator.comparing(node -> changedAt.get(name + ":" + node.path("Id").asText())))
				.limit(cdcLimit)
				.toList();
			ObjectNode response = queryResponses.addObject();
			if (!changed.isEmpty()) {
				ArrayNode list = response.putArray(name);
				changed.forEach(node -> list.add(node.deepCopy()));
			}
			response.put("startPosition", 1).put("maxResults", changed.size()).put("totalCount", changed.size());
		}
		answer.put("time", now.atOffset(ZoneOffset.ofHours(-8)).toString());
		return new Reply(200, answer.toString(), null);
	}

	private Reply queryEntity(String entity, String field, String value) {
		List<JsonNode> found = entities.get(entity)
			.values()
			.stream()
			.filter(node -> field == null || node.path(field).asText().equals(value))
			.map(node -> (JsonNode) node)
			.toList();
		ObjectNode answer = json.createObjectNode();
		ObjectNode response = answer.putObject("QueryResponse");
		if (!found.isEmpty()) {
			response.putArray(entity).addAll(found);
			response.put("startPosition", 1).put("maxResults", found.size());
		}
		answer.put("time", timestamp());
		return new Reply(200, answer.toString(), null);
	}

	// strictly increasing milliseconds: what changed before a CDC answer is before its time, what changes after is after
	private Instant tick() {
		Instant now = Instant.now().plus(clockOffset).truncatedTo(ChronoUnit.MILLIS);
		lastTick = now.isAfter(lastTick) ? now : lastTick.plusMillis(1);
		return lastTick;
	}

	private Reply validationFault(String code) {
		return switch (code) {
			case "610" -> objectNotFound();
			case "6240" -> duplicateName();
			case "5010" -> staleObject();
			default -> new Reply(400, fault("ValidationFault",
					"A business validation error has occurred while processing your request",
					"Business Validation Error: the fake QBO was told to refuse this request.", code), null);
		};
	}

	private Reply token(Request request) {
		Map<String, String> form = params(request.body());
		if ("refresh_token".equals(form.get("grant_type"))) {
			pause(refreshDelay);
		}
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

	private boolean basicAuth(String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return false;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
				StandardCharsets.UTF_8);
		String secret = requiredClientSecret;
		return decoded.contains(":") && !decoded.startsWith(":")
				&& (secret == null || decoded.substring(decoded.indexOf(':') + 1).equals(secret));
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

	private Reply entity(String entity, ObjectNode node) {
		ObjectNode answer = json.createObjectNode();
		answer.set(entity, node.deepCopy());
		answer.put("time", timestamp());
		return new Reply(200, answer.toString(), null);
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

	private String timestamp() {
		return OffsetDateTime.now(ZoneOffset.ofHours(-8)).plus(clockOffset).truncatedTo(ChronoUnit.SECONDS).toString();
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

	private record Outcome(ObjectNode entity, Reply fault) {

		static Outcome created(ObjectNode entity) {
			return new Outcome(entity, null);
		}

		static Outcome failed(Reply fault) {
			return new Outcome(null, fault);
		}

	}

	private record Injected(int status, Duration delay, Duration retryAfter) {
	}

}
