package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.accounting.TimeActivityEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushing 1,000 time activities to the fake QBO ({@code ./mvnw -Pbench verify}): (a) one by one from 10 threads with
 * the client-side limiter as the bottleneck, against the limiter's ceiling; (b) batched (30 per {@code /batch}) against
 * one by one, limiter off. QBO's 500 requests per minute would make (a) last two minutes, so its window is scaled
 * down: {@value #REQUESTS_PER_WINDOW} requests per {@value #WINDOW_MILLIS} ms.
 */
@Tag("benchmark")
class QboTimeActivityBenchmarkTests {

	static final int ACTIVITIES = 1_000;

	static final int REQUESTS_PER_WINDOW = 100;

	static final long WINDOW_MILLIS = 1_000;

	static final int THREADS = 10;

	private FakeQbo fake;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void theRateLimiterNotOurCodeBoundsTheThroughput() throws Exception {
		QboAccountingSystem qbo = QboFixtures.accountingSystem(fake, REQUESTS_PER_WINDOW,
				Duration.ofMillis(WINDOW_MILLIS), THREADS);
		List<TimeActivityEntry> entries = entries(qbo);
		long setupRequests = fake.requests().size();

		long started = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<ExternalRef>> pushed = new ArrayList<>();
			entries.forEach(entry -> pushed.add(threads.submit(() -> qbo.pushTimeActivity(entry))));
			for (Future<ExternalRef> push : pushed) {
				push.get();
			}
		}
		finally {
			threads.shutdown();
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		long requests = fake.requests().size() - setupRequests;
		double measured = requests / seconds;
		// the limiter's ceiling: N per window (QBO: 500 per minute)
		double ceiling = REQUESTS_PER_WINDOW * 1000.0 / WINDOW_MILLIS;
		// a rolling window also lets the first N through at once: R requests could finish after (ceil(R/N)-1) windows
		double burstBound = requests
				/ ((Math.ceil((double) requests / REQUESTS_PER_WINDOW) - 1) * WINDOW_MILLIS / 1000.0);
		System.out.printf(Locale.ROOT, "BENCH qbo_time_activities_limited %.1f req/s ratio=%.3f"
				+ " (ceiling %.1f req/s = %d per %d ms rolling; with the initial burst at most %.1f req/s;"
				+ " %d requests in %.2f s, %d threads)%n", measured, measured / ceiling, ceiling, REQUESTS_PER_WINDOW,
				WINDOW_MILLIS, burstBound, requests, seconds, THREADS);
		assertThat(fake.entities("TimeActivity")).hasSize(ACTIVITIES);
		assertThat(fake.maxConcurrentRequests()).isLessThanOrEqualTo(THREADS);
		assertThat(measured).isLessThanOrEqualTo(burstBound * 1.01);
		assertThat(measured / ceiling).isBetween(0.85, 1.12);
	}

	@Test
	void batchingThirtyPerRequestBeatsOneByOne() {
		QboAccountingSystem batchedQbo = QboFixtures.accountingSystem(fake, 1_000_000, Duration.ofMinutes(1), THREADS);
		List<TimeActivityEntry> warmUp = entries(batchedQbo).subList(0, 60);
		warmUp.forEach(batchedQbo::pushTimeActivity);
		batchedQbo.pushTimeActivities(entries(batchedQbo).subList(0, 60));

		List<TimeActivityEntry> single = entries(batchedQbo);
		long started = System.nanoTime();
		single.forEach(batchedQbo::pushTimeActivity);
		double unbatched = ACTIVITIES / ((System.nanoTime() - started) / 1e9);

		List<TimeActivityEntry> batch = entries(batchedQbo);
		long batchesBefore = fake.requestCount("/batch");
		started = System.nanoTime();
		List<PushOutcome> outcomes = batchedQbo.pushTimeActivities(batch);
		double batched = ACTIVITIES / ((System.nanoTime() - started) / 1e9);

		System.out.printf(Locale.ROOT,
				"BENCH qbo_time_activities_batched %.1f items/s ratio=%.2f (one by one %.1f items/s, %d batches)%n",
				batched, batched / unbatched, unbatched, fake.requestCount("/batch") - batchesBefore);
		assertThat(outcomes).allMatch(PushOutcome::succeeded);
		assertThat(fake.requestCount("/batch") - batchesBefore).isEqualTo(34);
		assertThat(batched).isGreaterThan(unbatched);
	}

	private List<TimeActivityEntry> entries(QboAccountingSystem qbo) {
		ExternalRef job = new ExternalRef(fake.addCustomer("Bench " + UUID.randomUUID()));
		ExternalRef employee = qbo.upsertEmployee(new AccountingPerson("Emily", "Platt", null));
		ExternalRef item = qbo.upsertServiceItem("Design", "79");
		List<TimeActivityEntry> entries = new ArrayList<>(ACTIVITIES);
		for (int i = 0; i < ACTIVITIES; i++) {
			entries.add(new TimeActivityEntry(UUID.randomUUID(), job, employee, item, LocalDate.of(2026, 11, 2),
					30 + i % 60, new BigDecimal("150.00"), true, "Design " + i));
		}
		return entries;
	}

}
