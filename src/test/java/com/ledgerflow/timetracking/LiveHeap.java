package com.ledgerflow.timetracking;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much live heap a piece of work holds at its peak: while it runs, a full collection every {@code interval} and
 * the heap in use right after it (what is still reachable) are sampled; the result is the largest sample above the
 * live heap at the start. Raw peak usage would count garbage not yet collected, which says nothing about streaming.
 * The collections slow the work down, so time it in a separate run.
 */
final class LiveHeap {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong peak = new AtomicLong();

	private final long baseline;

	private LiveHeap(Duration interval) {
		this.baseline = liveNow();
		sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(liveNow(), Math::max), interval.toMillis(),
				interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	static LiveHeap watch(Duration interval) {
		return new LiveHeap(interval);
	}

	/** Stops sampling; the peak live heap above the start, in bytes. */
	long stop() throws InterruptedException {
		sampler.shutdown();
		sampler.awaitTermination(1, TimeUnit.MINUTES);
		return Math.max(0, peak.get() - baseline);
	}

	private long liveNow() {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
