package org.iocp4j.sim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

/**
 * A few port scenarios written only against {@link BackendFixture} and {@link Harness}, as the
 * conformance suites are: each backend runs them by overriding {@link #fixture()}.
 */
abstract class PortScenarios {

    protected abstract BackendFixture fixture();

    private void noViolation(BackendFixture f, CompletionPort port) {
        assertNull(f.invariantViolation(port), "engine invariants");
    }

    @Test
    void r14_packetsFifo_wakeupsLifo() throws Exception {
        BackendFixture f = fixture();
        assumeTrue(f.capabilities().wakesLifo(), "needs LIFO wake-ups (R14)");
        Harness h = f.harness();
        h.run(() -> {
            try (CompletionPort port = f.open(PortOptions.withConcurrency(3))) {
                List<String> got = new CopyOnWriteArrayList<>();
                Thread[] workers = new Thread[3];
                for (int i = 0; i < 3; i++) {
                    String name = "w" + (i + 1);
                    workers[i] = h.start(name, () -> {
                        CompletionEntry e = new CompletionEntry();
                        port.dequeue(e, 30, TimeUnit.SECONDS);
                        got.add(name + "<-" + e.key());
                    });
                    int waiting = i + 1;
                    h.awaitUntil(name + " waits", () -> port.stats().waitingThreads() == waiting);
                }
                port.post(1, 0, null);
                port.post(2, 0, null);
                port.post(3, 0, null);
                for (Thread w : workers) {
                    h.join(w);
                }
                assertEquals(List.of("w1<-3", "w2<-2", "w3<-1"), got.stream().sorted().toList());
                noViolation(f, port);
            }
        });
    }

    @Test
    void r22_r23_saturatedPortKeepsANewThreadWaitingWhileTheRunningOneTakesThePackets() throws Exception {
        BackendFixture f = fixture();
        assumeTrue(f.capabilities().enforcesConcurrency(), "needs the concurrency limit (R23)");
        Harness h = f.harness();
        h.run(() -> {
            CompletionPort port = f.open(PortOptions.withConcurrency(1));
            {
                port.post(1, 0, null);
                port.post(2, 0, null);
                AtomicBoolean release = new AtomicBoolean();
                AtomicInteger spinnerGot = new AtomicInteger();
                AtomicReference<DequeueStatus> waiterGot = new AtomicReference<>();
                Thread spinner = h.start("spinner", () -> {
                    CompletionEntry e = new CompletionEntry();
                    port.dequeue(e, 30, TimeUnit.SECONDS);
                    spinnerGot.incrementAndGet();
                    while (!release.get()) {
                        h.busy(); // running, holding the only slot
                    }
                    if (port.dequeue(e, 0, TimeUnit.SECONDS).hasPacket()) { // R22: at once, ahead of the waiter
                        spinnerGot.incrementAndGet();
                    }
                    while (!port.isClosed()) {
                        h.busy();
                    }
                });
                h.awaitUntil("spinner took packet 1", () -> spinnerGot.get() == 1);
                Thread waiter = h.start("waiter", () -> waiterGot.set(port.dequeue(new CompletionEntry(), 30,
                        TimeUnit.SECONDS)));
                h.awaitUntil("waiter waits with a packet queued (R23)",
                        () -> port.stats().waitingThreads() == 1 && port.stats().queuedPackets() == 1);
                release.set(true);
                h.awaitUntil("spinner took packet 2", () -> spinnerGot.get() == 2);
                assertEquals(1, port.stats().waitingThreads());
                noViolation(f, port);
                port.close();
                h.join(waiter);
                h.join(spinner);
                assertEquals(DequeueStatus.ABANDONED, waiterGot.get()); // R33
            }
        });
    }

    @Test
    void r26_r27_sleepingGivesUpTheSlotAndWakingOvercommits() throws Exception {
        BackendFixture f = fixture();
        assumeTrue(f.capabilities().seesLibraryWaits(), "needs library waits to be seen (R26)");
        Harness h = f.harness();
        h.run(() -> {
            try (CompletionPort port = f.open(PortOptions.withConcurrency(1))) {
                AtomicBoolean sleepNow = new AtomicBoolean();
                AtomicBoolean release = new AtomicBoolean();
                AtomicInteger activeAfterSleep = new AtomicInteger(-1);
                AtomicInteger secondGot = new AtomicInteger();
                Thread first = h.start("first", () -> {
                    try {
                        port.post(1, 0, null);
                        port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS); // associated and active
                        while (!sleepNow.get()) {
                            h.busy();
                        }
                        Sleep.sleep(Duration.ofMillis(5)); // gives the slot up (R26)
                        activeAfterSleep.set(port.stats().activeThreads());
                    } catch (InterruptedException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                h.awaitUntil("first holds the only slot",
                        () -> port.stats().activeThreads() == 1 && port.stats().queuedPackets() == 0);
                Thread second = h.start("second", () -> {
                    port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS);
                    secondGot.incrementAndGet();
                    while (!release.get()) {
                        h.busy(); // keeps its slot
                    }
                });
                h.awaitUntil("second waits", () -> port.stats().waitingThreads() == 1);
                port.post(2, 0, null);
                assertEquals(1, port.stats().queuedPackets(), "saturated: the packet is queued (R23)");
                sleepNow.set(true);
                h.awaitUntil("second got packet 2 while first slept (R26)", () -> secondGot.get() == 1);
                h.awaitUntil("first woke", () -> activeAfterSleep.get() >= 0);
                release.set(true);
                h.join(first);
                h.join(second);
                assertEquals(2, activeAfterSleep.get(), "over the maximum after the wait (R27)");
            }
        });
    }

    @Test
    void r33_r36_r19_closeAbandonsWaitersAndLaterCallsFail() throws Exception {
        BackendFixture f = fixture();
        Harness h = f.harness();
        h.run(() -> {
            CompletionPort port = f.open(PortOptions.withConcurrency(2));
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread w = h.start("waiter", () -> got.set(port.dequeue(new CompletionEntry())));
            h.awaitUntil("waiter waits", () -> port.stats().waitingThreads() == 1);
            port.close();
            h.join(w);
            assertEquals(DequeueStatus.ABANDONED, got.get());
            assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(new CompletionEntry(), 0, TimeUnit.SECONDS));
            assertThrows(PortClosedException.class, () -> port.post(1, 0, null));
        });
    }
}
