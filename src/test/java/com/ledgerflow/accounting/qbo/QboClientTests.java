package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.ledgerflow.accounting.AccountingRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QboClientTests {

	private FakeQbo fake;

	private FakeQboTokens tokens;

	private TestClock clock;

	private QboClient qbo;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
		tokens = new FakeQboTokens(fake);
		clock = new TestClock();
		qbo = client(500, 10, Duration.ofSeconds(5));
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void sendsMinorversionOnEveryCallAndARequestidOfAtMost50CharactersOnEveryWrite() {
		QboCustomer created = qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);
		qbo.read("Customer", created.id(), QboCustomer.class);
		qbo.update("Customer", created.id(), "customer:acme:v1", QboCustomer.class,
				current -> Optional.of(QboCustomer.sparseUpdateOf(current).withDisplayName("Acme Corporation")));
		qbo.query("Customer", "DisplayName = " + QboClient.quote("Acme Corporation"), QboCustomer.class);

		List<FakeQbo.Request> calls = fake.requests().stream().filter(FakeQbo.Request::isApi).toList();
		assertThat(calls).hasSize(5)
			.allSatisfy(call -> assertThat(call.params()).containsEntry("minorversion", "75"))
			.allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer " + tokens.accessToken()));
		assertThat(calls.stream().filter(FakeQbo.Request::isWrite)).hasSize(2)
			.allSatisfy(write -> assertThat(write.params().get("requestid")).isNotBlank().hasSizeLessThanOrEqualTo(50));
		assertThat(calls.get(0).params()).containsEntry("requestid", "customer:acme:create");
	}

	@Test
	void hashesARequestKeyLongerThanQboAllowsIntoAStableId() {
		String key = "customer:" + "x".repeat(60) + ":create";

		assertThat(QboClient.requestId(key)).hasSize(36).isEqualTo(QboClient.requestId(key));
		assertThat(QboClient.requestId("short:key")).isEqualTo("short:key");
	}

	@Test
	void createsOneCustomerWhenAWriteIsRepeatedWithTheSameRequestid() {
		QboCustomer first = qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);
		QboCustomer again = qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(fake.customers()).hasSize(1);
	}

	@Test
	void refreshesTheAccessTokenOnceAfterA401AndRepeatsTheCall() {
		String id = fake.addCustomer("Acme Corp");
		String expired = tokens.accessToken();
		fake.expireAccessTokens();

		QboCustomer read = qbo.read("Customer", id, QboCustomer.class);

		assertThat(read.displayName()).isEqualTo("Acme Corp");
		assertThat(tokens.refreshes()).isEqualTo(1);
		assertThat(fake.requests()).extracting(FakeQbo.Request::authorization)
			.containsExactly("Bearer " + expired, "Bearer " + tokens.accessToken());
	}

	@Test
	void asksForReconnectionWhenQboRefusesTheRefreshedTokenToo() {
		String id = fake.addCustomer("Acme Corp");
		fake.failNext(401, 2);

		assertThatThrownBy(() -> qbo.read("Customer", id, QboCustomer.class)).isInstanceOf(QboNotConnected.class);
		assertThat(tokens.refreshes()).isEqualTo(1);
	}

	@Test
	void retriesThrottlingAndServerErrorsWithGrowingBackOffThenSucceeds() {
		fake.failNext(429, 1).failNext(500, 1).failNext(503, 1);

		QboCustomer created = qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);

		assertThat(created.id()).isNotBlank();
		assertThat(fake.requestCount("/customer")).isEqualTo(4);
		assertThat(fake.customers()).hasSize(1);
		assertThat(clock.sleeps()).hasSize(3)
			.allSatisfy(pause -> assertThat(pause).isBetween(Duration.ofMillis(5), Duration.ofMillis(50)));
	}

	@Test
	void waitsAsLongAsRetryAfterSaysOnA429() {
		fake.throttleNext(1, Duration.ofSeconds(1));

		qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);

		assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void givesUpAsUnavailableAtOnceWhenRetryAfterExceedsTheWaitingBudget() {
		fake.throttleNext(1, Duration.ofSeconds(60));

		assertThatThrownBy(() -> qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class))
			.isInstanceOf(QboUnavailable.class)
			.hasMessageContaining("429");
		assertThat(clock.sleeps()).isEmpty();
	}

	@Test
	void givesUpAsUnavailableAfterFourAttemptsOfPersistentServerErrors() {
		fake.failNext(500, 10);

		assertThatThrownBy(() -> qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class))
			.isInstanceOf(QboUnavailable.class)
			.hasMessageContaining("500")
			.hasMessageContaining("4 attempts");
		assertThat(fake.requestCount("/customer")).isEqualTo(4);
		assertThat(fake.customers()).isEmpty();
	}

	@Test
	void givesUpAsUnavailableWhenQboKeepsTimingOut() {
		qbo = client(500, 10, Duration.ofMillis(200));
		fake.delayNext(Duration.ofMillis(800), 4);

		assertThatThrownBy(() -> qbo.read("Customer", "1", QboCustomer.class)).isInstanceOf(QboUnavailable.class)
			.hasMessageContaining("after 4 attempts");
		assertThat(fake.requestCount("/customer/1")).isEqualTo(4);
	}

	@Test
	void createsOneCustomerWhenACreateTimesOutAndIsRetried() {
		qbo = client(500, 10, Duration.ofMillis(300));
		fake.delayNext(Duration.ofMillis(600), 1);

		QboCustomer created = qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class);

		assertThat(fake.customers()).singleElement()
			.satisfies(customer -> assertThat(customer.path("Id").asText()).isEqualTo(created.id()));
	}

	@Test
	void turnsADuplicateNameFaultIntoARejectionWithQbosWords() {
		fake.addCustomer("Acme Corp");

		assertThatThrownBy(() -> qbo.create("Customer", named("Acme Corp"), "customer:acme:create", QboCustomer.class))
			.isInstanceOfSatisfying(AccountingRejected.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("6240");
				assertThat(rejected.reason()).isEqualTo("Duplicate Name Exists Error");
				assertThat(rejected.detail()).startsWith("The name supplied already exists.");
			});
		assertThat(fake.requestCount("/customer")).as("a rejection is not retried").isEqualTo(1);
	}

	@Test
	void turnsAnUnknownIdIntoAnObjectNotFoundRejection() {
		assertThatThrownBy(() -> qbo.read("Customer", "4711", QboCustomer.class))
			.isInstanceOfSatisfying(AccountingRejected.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("610");
				assertThat(rejected.reason()).isEqualTo("Object Not Found");
			});
	}

	@Test
	void readsAgainAndRetriesOnceWhenAnUpdateIsStale() {
		String id = fake.addCustomer("Acme Corp");
		fake.staleNext(1);

		QboCustomer updated = qbo.update("Customer", id, "customer:acme:v2", QboCustomer.class,
				current -> Optional.of(QboCustomer.sparseUpdateOf(current).withDisplayName("Acme Corporation")));

		assertThat(updated.displayName()).isEqualTo("Acme Corporation");
		assertThat(fake.requests()).extracting(FakeQbo.Request::method).containsExactly("GET", "POST", "GET", "POST");
		List<FakeQbo.Request> writes = fake.requests().stream().filter(FakeQbo.Request::isWrite).toList();
		assertThat(writes.get(0).body()).contains("\"SyncToken\":\"0\"", "\"sparse\":true");
		assertThat(writes.get(1).body()).contains("\"SyncToken\":\"1\"");
		assertThat(writes.get(1).params().get("requestid")).isNotEqualTo(writes.get(0).params().get("requestid"));
		assertThat(fake.customer(id).orElseThrow().path("SyncToken").asText()).isEqualTo("2");
	}

	@Test
	void givesUpAsUnavailableWhenAnUpdateIsStaleTwice() {
		String id = fake.addCustomer("Acme Corp");
		fake.staleNext(2);

		assertThatThrownBy(() -> qbo.update("Customer", id, "customer:acme:v2", QboCustomer.class,
				current -> Optional.of(QboCustomer.sparseUpdateOf(current).withDisplayName("Acme Corporation"))))
			.isInstanceOf(QboUnavailable.class);
	}

	@Test
	void findsCustomersByDisplayNameWithAQuery() {
		fake.addCustomer("O'Brien & Sons");
		fake.addCustomer("Acme Corp");

		List<QboCustomer> found = qbo.query("Customer", "DisplayName = " + QboClient.quote("O'Brien & Sons"),
				QboCustomer.class);

		assertThat(found).extracting(QboCustomer::displayName).containsExactly("O'Brien & Sons");
		assertThat(qbo.query("Customer", "DisplayName = 'Nobody'", QboCustomer.class)).isEmpty();
	}

	@Test
	void startsNoMoreRequestsPerRollingMinuteThanConfigured() {
		qbo = client(3, 10, Duration.ofSeconds(5));
		String id = fake.addCustomer("Acme Corp");

		for (int i = 0; i < 7; i++) {
			qbo.read("Customer", id, QboCustomer.class);
		}

		assertThat(fake.requestCount("/customer/" + id)).isEqualTo(7);
		// 3 at once, 3 a minute later, the 7th two minutes after the first
		assertThat(clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void keepsNoMoreRequestsInFlightThanConfigured() throws Exception {
		qbo = new QboClient(QboFixtures.properties(fake, 500, 2, Duration.ofSeconds(5)), tokens,
				org.springframework.web.client.RestClient.builder(), QboFixtures.FAST_RETRIES,
				java.time.Clock.systemUTC(), Sleeper.REAL);
		String id = fake.addCustomer("Acme Corp");
		fake.latency(Duration.ofMillis(100));
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Callable<QboCustomer>> reads = java.util.stream.IntStream.range(0, 8)
				.mapToObj(i -> (Callable<QboCustomer>) () -> qbo.read("Customer", id, QboCustomer.class))
				.toList();
			for (Future<QboCustomer> read : callers.invokeAll(reads)) {
				assertThat(read.get().id()).isEqualTo(id);
			}
		}
		finally {
			callers.shutdownNow();
		}

		assertThat(fake.maxConcurrentRequests()).isEqualTo(2);
	}

	private QboClient client(int requestsPerMinute, int maxConcurrent, Duration timeout) {
		return QboFixtures.client(fake, QboFixtures.properties(fake, requestsPerMinute, maxConcurrent, timeout), tokens,
				clock, clock);
	}

	private static QboCustomer named(String displayName) {
		return new QboCustomer(null, null, null, displayName, null, null, null, null, null, null, null);
	}

}
