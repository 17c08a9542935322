package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.sync.Sleep;

/** Scenarios shared by the determinism test, its forked JVMs and the benchmark. */
final class Scenarios {
    static final int PER_PRODUCER = 250;

    private Scenarios() {}

    /**
     * Four simulated threads (plus main) and more than 1000 scheduling steps: two producers post
     * and now and then sleep; two consumers dequeue singly and in batches, with timeouts, and check
     * that no packet comes twice; main joins them and checks none was lost.
     */
    static void producersAndConsumers(Sim sim) throws Exception {
        CompletionPort port = sim.openPort(2);
        BitSet seen = new BitSet();
        AtomicInteger producing = new AtomicInteger(2);
        AtomicInteger consumed = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int p = 0; p < 2; p++) {
            int base = p * 10_000;
            threads[p] = sim.start("producer-" + p, () -> {
                try {
                    for (int k = 0; k < PER_PRODUCER; k++) {
                        port.post(base + k, k, null);
                        if (k % 25 == 24) {
                            Sleep.sleep(Duration.ofMillis(1 + sim.random().nextInt(3)));
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                producing.decrementAndGet();
            });
        }
        for (int c = 0; c < 2; c++) {
            boolean batch = c == 1;
            threads[2 + c] = sim.start("consumer-" + c, () -> {
                CompletionEntry e = new CompletionEntry();
                while (true) {
                    DequeueStatus s;
                    if (batch) {
                        s = port.poll((key, bytes, ov, err) -> take(seen, consumed, key), 4, 2, TimeUnit.MILLISECONDS);
                    } else {
                        s = port.dequeue(e, 2, TimeUnit.MILLISECONDS);
                        if (s.hasPacket()) {
                            take(seen, consumed, e.key());
                        }
                    }
                    if (s == DequeueStatus.TIMEOUT && producing.get() == 0) {
                        return;
                    }
                }
            });
        }
        for (Thread t : threads) {
            sim.join(t);
        }
        assertEquals(2 * PER_PRODUCER, consumed.get(), "packets consumed");
        port.close();
    }

    private static void take(BitSet seen, AtomicInteger consumed, long key) {
        if (seen.get((int) key)) {
            throw new AssertionError("packet " + key + " delivered twice");
        }
        seen.set((int) key);
        consumed.incrementAndGet();
    }
}
