package org.iocp4j.sync;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;

/**
 * Measures the watchdog's detection delay: on a port of concurrency 1 with a packet queued and a
 * thread B waiting, thread A (holding the only slot) blocks in {@code Object.wait}, which iocp4j
 * cannot see; the delay is the time from A's block to B's return with the packet. For contrast it
 * also measures the same hand-off when A blocks on an iocp4j {@link Event} (reported exactly,
 * R26). Not a test: run it by hand, e.g.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes org.iocp4j.sync.WatchdogDelayProbe [trials]
 * </pre>
 */
public final class WatchdogDelayProbe {
    private static final int WARMUP = 20;

    private WatchdogDelayProbe() {}

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf("%d trials each, %d processors, %s%n", trials, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (long periodMs : new long[] {1, 10}) {
            report("watchdog period " + periodMs + " ms, A in Object.wait", measure(trials, periodMs, false));
        }
        report("no watchdog needed, A waits on an iocp4j Event", measure(trials, 10, true));
    }

    private static long[] measure(int trials, long periodMs, boolean libraryWait) throws Exception {
        long[] delays = new long[trials];
        for (int i = -WARMUP; i < trials; i++) {
            long d = trial(periodMs, libraryWait);
            if (i >= 0) {
                delays[i] = d;
            }
        }
        Arrays.sort(delays);
        return delays;
    }

    /** One hand-off; returns nanoseconds from A's block to B holding packet 2. */
    private static long trial(long periodMs, boolean libraryWait) throws Exception {
        PortOptions options = PortOptions.builder().concurrency(1).watchdogPeriod(Duration.ofMillis(periodMs))
                .watchThreadStates(true).build();
        try (CompletionPort port = CompletionPorts.open("java", options)) {
            Object monitor = new Object();
            Event event = Event.manualReset(false);
            AtomicInteger stage = new AtomicInteger();
            AtomicLong blockedAt = new AtomicLong();
            AtomicLong gotAt = new AtomicLong();
            port.post(1, 0, null);
            Thread a = new Thread(() -> {
                port.dequeue(new CompletionEntry(), 10, TimeUnit.SECONDS);
                stage.set(1);
                while (stage.get() < 2) {
                    Thread.onSpinWait();
                }
                blockedAt.set(System.nanoTime());
                try {
                    if (libraryWait) {
                        event.waitFor(Waits.INFINITE, TimeUnit.MILLISECONDS);
                    } else {
                        synchronized (monitor) {
                            while (stage.get() < 3) {
                                monitor.wait();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "probe-a");
            a.start();
            spinUntil(() -> stage.get() == 1);
            Thread b = new Thread(() -> {
                port.dequeue(new CompletionEntry(), 10, TimeUnit.SECONDS);
                gotAt.set(System.nanoTime());
            }, "probe-b");
            b.start();
            spinUntil(() -> port.stats().waitingThreads() == 1);
            port.post(2, 0, null); // saturated: queued, and the watchdog starts looking
            // Block at a random phase of the watchdog's period.
            long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(periodMs * 1_000_000L);
            spinUntil(() -> System.nanoTime() - until >= 0);
            stage.set(2);
            b.join();
            synchronized (monitor) {
                stage.set(3);
                monitor.notifyAll();
            }
            event.set();
            a.join();
            return gotAt.get() - blockedAt.get();
        }
    }

    private static void spinUntil(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.onSpinWait();
        }
    }

    private static void report(String what, long[] sorted) {
        System.out.printf("%-48s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
