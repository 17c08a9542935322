package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

class SimBasicsTest {

    @Test
    void r15_waiterIsHandedThePacket() {
        AtomicReference<DequeueStatus> got = new AtomicReference<>();
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            Thread w = sim.start("worker", () -> got.set(port.dequeue(new CompletionEntry())));
            sim.awaitUntil("worker waits", () -> port.stats().waitingThreads() == 1);
            port.post(7, 0, null);
            sim.join(w);
        });
        r.assertPassed();
        assertEquals(DequeueStatus.COMPLETED, got.get());
    }

    @Test
    void virtualTimeJumpsToTheNextTimer() {
        AtomicReference<Long> end = new AtomicReference<>();
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(new CompletionEntry(), 250, TimeUnit.MILLISECONDS));
            Sleep.sleep(Duration.ofSeconds(2));
            end.set(sim.nanoTime());
        });
        r.assertPassed();
        assertEquals(2_250_000_000L, end.get());
    }

    @Test
    void threadsTakeTurns() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SimResult r = Sim.run(3, sim -> {
            CompletionPort port = sim.openPort(2);
            Thread[] ts = new Thread[4];
            for (int i = 0; i < 4; i++) {
                ts[i] = sim.start("t" + i, () -> {
                    for (int k = 0; k < 50; k++) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                        port.post(k, 0, null);
                        port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
                    }
                });
            }
            for (Thread t : ts) {
                sim.join(t);
            }
        });
        r.assertPassed();
        assertEquals(1, most.get());
        assertTrue(r.switches() > 10, r.describe());
    }
}
