package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDC poll as a plain object on the shared context's database, against a fake CDC endpoint and a stub token
 * source (the shared context runs provider local, so no poll is scheduled there).
 */
@IntegrationTest
class QboCdcIntegrationTests {

	static final String REALM = "cdc-realm";

	@Autowired
	QboInboundChanges changes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	FakeQbo intuit;

	StubTokens tokens;

	QboCdcPoll cdc;

	@BeforeEach
	void setUp() {
		intuit = FakeQbo.start().acceptAccessToken("token-1").acceptAccessToken("token-2");
		tokens = new StubTokens();
		QboProperties defaults = QboStartupTests.properties(null);
		QboProperties properties = new QboProperties(intuit.baseUrl(), defaults.authorizeUrl(),
				defaults.tokenUrl(), defaults.revokeUrl(), defaults.clientId(), defaults.clientSecret(),
				defaults.redirectUri(), null, null, 75, 500, 10, Duration.ofSeconds(5), Duration.ofMinutes(15));
		cdc = new QboCdcPoll(properties, tokens, changes, jdbc, transactionManager, RestClient.builder(),
				Clock.systemUTC());
		jdbc.update("delete from qbo_inbound_change");
		jdbc.update("delete from qbo_cdc_cursor");
	}

	@AfterEach
	void tearDown() {
		intuit.close();
	}

	@Test
	void storesChangesAndPersistsTheCursor() {
		Instant answered = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		intuit.cannedCdc(cdcAnswer(pacific(answered),
				payment("55", pacific(answered.minusSeconds(120)), pacific(answered.minusSeconds(120))),
				invoice("130", pacific(answered.minus(Duration.ofDays(9))), pacific(answered.minusSeconds(30)))));

		QboCdcPoll.Result result = cdc.poll();

		assertThat(result).isEqualTo(new QboCdcPoll.Result(true, 2, 2));
		URI request = cdcRequests().get(0);
		assertThat(request.getPath()).isEqualTo("/v3/company/" + REALM + "/cdc");
		assertThat(decodedQuery(request)).contains("entities=Payment,Invoice,TimeActivity,Purchase")
			.contains("minorversion=75");
		Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
		assertThat(changedSince(request)).isBetween(dayAgo.minusSeconds(60), dayAgo.plusSeconds(60));
		assertThat(cdcAuthorizations()).containsExactly("Bearer token-1");
		assertThat(jdbc.queryForList("select entity || ' ' || entity_id || ' ' || operation || ' ' || source "
				+ "from qbo_inbound_change order by entity", String.class))
			.containsExactly("Invoice 130 Update CDC", "Payment 55 Create CDC");
		assertThat(cursor()).isEqualTo(answered.minus(QboCdcPoll.OVERLAP));
	}

	@Test
	void advancesTheCursorFromPollToPoll() {
		Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(15));
		Instant second = first.plus(Duration.ofMinutes(15));
		intuit.cannedCdc(cdcAnswer(pacific(first)));
		cdc.poll();
		intuit.cannedCdc(cdcAnswer(pacific(second),
				payment("56", pacific(second.minusSeconds(600)), pacific(second.minusSeconds(600)))));

		cdc.poll();

		assertThat(changedSince(cdcRequests().get(1))).isEqualTo(first.minus(QboCdcPoll.OVERLAP));
		assertThat(cursor()).isEqualTo(second.minus(QboCdcPoll.OVERLAP));
	}

	@Test
	void ignoresChangesAWebhookAlreadyDelivered() {
		Instant paid = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
		// the webhook carries milliseconds, CDC seconds in another offset: the same change
		changes.record(List.of(new QboInboundChange(REALM, "Payment", "55", "Create",
				QboWebhookPayload.timestamp(paid.plusMillis(412).toString()))), QboInboundChange.Source.WEBHOOK);
		intuit.cannedCdc(cdcAnswer(pacific(Instant.now()), payment("55", pacific(paid), pacific(paid))));

		QboCdcPoll.Result result = cdc.poll();

		assertThat(result).isEqualTo(new QboCdcPoll.Result(true, 1, 0));
		assertThat(jdbc.queryForList("select source from qbo_inbound_change", String.class)).containsExactly("WEBHOOK");
	}

	@Test
	void asksAgainFromTheLatestChangeWhenAnEntityHitsQbosLimitBeforeMovingTheCursor() {
		try (FakeQbo qbo = FakeQbo.start()) {
			qbo.cdcLimit(3);
			List<String> payments = new java.util.ArrayList<>();
			for (int i = 0; i < 7; i++) {
				payments.add(qbo.addUnappliedPayment(new java.math.BigDecimal("10.00")));
				qbo.advanceClock(Duration.ofMinutes(1));
			}
			QboProperties defaults = QboStartupTests.properties(null);
			QboCdcPoll limited = new QboCdcPoll(new QboProperties(qbo.baseUrl(), defaults.authorizeUrl(),
					defaults.tokenUrl(), defaults.revokeUrl(), defaults.clientId(), defaults.clientSecret(),
					defaults.redirectUri(), null, null, 75, 500, 10, Duration.ofSeconds(5), Duration.ofMinutes(15)),
					new FakeQboTokens(qbo), changes, jdbc, transactionManager, RestClient.builder(), Clock.systemUTC(),
					3);

			QboCdcPoll.Result result = limited.poll();

			// 1-3, then from 3's time 3-5, from 5's 5-7, from 7's only 7: fewer than the limit
			assertThat(result.calls()).isEqualTo(4);
			assertThat(jdbc.queryForList("select entity_id from qbo_inbound_change where entity = 'Payment'",
					String.class)).containsExactlyInAnyOrderElementsOf(payments);
			List<FakeQbo.Request> cdcCalls = qbo.requests().stream().filter(r -> r.path().endsWith("/cdc")).toList();
			assertThat(cdcCalls.get(0).params().get("entities")).isEqualTo("Payment,Invoice,TimeActivity,Purchase");
			assertThat(cdcCalls.subList(1, 4)).allSatisfy(r -> assertThat(r.params().get("entities")).isEqualTo("Payment"));
			Instant firstSince = OffsetDateTime.parse(cdcCalls.get(0).params().get("changedSince")).toInstant();
			assertThat(cursor(FakeQbo.REALM_ID)).isAfter(firstSince);
		}
	}

	@Test
	void readsDeletedRecords() {
		intuit.cannedCdc(cdcAnswer(pacific(Instant.now()),
				"{\"Purchase\":[{\"domain\":\"QBO\",\"status\":\"Deleted\",\"Id\":\"77\","
						+ "\"MetaData\":{\"LastUpdatedTime\":\"2026-03-02T09:00:00-08:00\"}}]}"));

		cdc.poll();

		assertThat(jdbc.queryForList("select entity || ' ' || entity_id || ' ' || operation from qbo_inbound_change",
				String.class)).containsExactly("Purchase 77 Delete");
	}

	@Test
	void refreshesTheTokenOnceWhenQboAnswersUnauthorized() {
		intuit.failNext(401, 1);

		assertThat(cdc.poll().polled()).isTrue();

		assertThat(cdcAuthorizations()).containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void skipsWhileQuickBooksIsNotConnected() {
		tokens.connected = false;

		assertThat(cdc.poll()).isEqualTo(QboCdcPoll.Result.SKIPPED);

		assertThat(cdcRequests()).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from qbo_cdc_cursor", Integer.class)).isZero();
	}

	@Test
	void skipsWhileAnotherNodeIsPolling() throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread otherNode = new Thread(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, QboCdcPoll.LOCK_KEY);
			locked.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		otherNode.start();
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			assertThat(cdc.poll()).isEqualTo(QboCdcPoll.Result.SKIPPED);
			assertThat(cdcRequests()).isEmpty();
		}
		finally {
			release.countDown();
			otherNode.join();
		}
		assertThat(cdc.poll().polled()).isTrue();
	}

	private List<URI> cdcRequests() {
		return intuit.requests()
			.stream()
			.filter(request -> request.path().endsWith("/cdc"))
			.map(request -> URI.create(request.path() + "?" + request.params()
				.entrySet()
				.stream()
				.map(param -> param.getKey() + "=" + java.net.URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
				.collect(java.util.stream.Collectors.joining("&"))))
			.toList();
	}

	private List<String> cdcAuthorizations() {
		return intuit.requests()
			.stream()
			.filter(request -> request.path().endsWith("/cdc"))
			.map(FakeQbo.Request::authorization)
			.toList();
	}

	private Instant cursor() {
		return cursor(REALM);
	}

	private Instant cursor(String realm) {
		return jdbc.queryForObject("select changed_since from qbo_cdc_cursor where realm_id = ?", Timestamp.class, realm)
			.toInstant();
	}

	private static String decodedQuery(URI request) {
		return URLDecoder.decode(request.getRawQuery(), StandardCharsets.UTF_8);
	}

	private static Instant changedSince(URI request) {
		for (String pair : decodedQuery(request).split("&")) {
			if (pair.startsWith("changedSince=")) {
				return OffsetDateTime.parse(pair.substring("changedSince=".length())).toInstant();
			}
		}
		throw new AssertionError("No changedSince in " + request);
	}

	/** A timestamp as QBO writes it, in the company's offset. */
	static String pacific(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(-8)));
	}

	/** The shape of QBO's CDC answer: one QueryResponse per entity. */
	static String cdcAnswer(String time, String... queryResponses) {
		return "{\"CDCResponse\":[{\"QueryResponse\":[" + String.join(",", queryResponses) + "]}],\"time\":\"" + time
				+ "\"}";
	}

	static String payment(String id, String created, String lastUpdated) {
		return "{\"Payment\":[" + record(id, created, lastUpdated) + "],\"startPosition\":1,\"maxResults\":1}";
	}

	static String invoice(String id, String created, String lastUpdated) {
		return "{\"Invoice\":[" + record(id, created, lastUpdated) + "],\"startPosition\":1,\"maxResults\":1}";
	}

	private static String record(String id, String created, String lastUpdated) {
		return "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"domain\":\"QBO\",\"sparse\":false,\"MetaData\":{"
				+ "\"CreateTime\":\"" + created + "\",\"LastUpdatedTime\":\"" + lastUpdated + "\"}}";
	}

	/** Tokens as the token store would hand them out; a refresh after 401 gives the next one. */
	static final class StubTokens implements QboAccessTokens {

		volatile boolean connected = true;

		private int generation = 1;

		@Override
		public String realmId() {
			requireConnected();
			return REALM;
		}

		@Override
		public synchronized String accessToken() {
			requireConnected();
			return "token-" + generation;
		}

		@Override
		public synchronized String refreshAfterUnauthorized(String rejected) {
			requireConnected();
			if (rejected.equals("token-" + generation)) {
				generation++;
			}
			return "token-" + generation;
		}

		private void requireConnected() {
			if (!connected) {
				throw new QboNotConnected("not connected");
			}
		}

	}

}
