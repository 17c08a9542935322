package org.iocp4j.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * The hand-off wakes a waiter only when it may be parked: a waiter still spinning sees the packet
 * by itself, so no unpark (a syscall when the thread sleeps, and a stale permit when it does not);
 * and an associated thread spins for a packet before it waits, so a packet posted meanwhile needs
 * no hand-off at all.
 */
class WakeTest {

    /** Runs {@code body} on a new thread bound to {@code seam}; returns the started thread. */
    private static Thread onSeam(CountingSeam seam, AtomicReference<DequeueStatus> result, DequeueBody body) {
        Thread t = new Thread(() -> {
            ThreadRecord.bind(seam);
            result.set(body.run());
        });
        t.start();
        return t;
    }

    private interface DequeueBody {
        DequeueStatus run();
    }

    @Test
    void r15_spinningWaiterIsHandedThePacketWithoutAnUnpark() throws Exception {
        CountingSeam seam = new CountingSeam(Integer.MAX_VALUE); // spins until its wait ends
        try (CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread t = onSeam(seam, got, () -> port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS));
            await().until(() -> port.stats().waitingThreads() == 1);
            port.post(1, 1, null);
            t.join();
            assertEquals(DequeueStatus.COMPLETED, got.get());
            assertEquals(0, seam.unparks.get(), "a spinning waiter needs no unpark");
        }
    }

    @Test
    void r15_parkedWaiterIsUnparked() throws Exception {
        CountingSeam seam = new CountingSeam(0); // parks at once
        try (CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread t = onSeam(seam, got, () -> port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS));
            await().until(() -> t.getState() == Thread.State.TIMED_WAITING);
            port.post(1, 1, null);
            t.join();
            assertEquals(DequeueStatus.COMPLETED, got.get());
            assertEquals(1, seam.unparks.get());
        }
    }

    /**
     * R22 without a hand-off: an associated thread that finds nothing spins before it enters the
     * port, keeping its slot, so a packet posted meanwhile is queued and taken by that thread.
     */
    @Test
    void r22_threadSpinningBeforeItsWaitTakesThePacketFromTheQueue() throws Exception {
        CountingSeam seam = new CountingSeam(Integer.MAX_VALUE);
        List<PortEvent> events = new CopyOnWriteArrayList<>();
        PortOptions options = PortOptions.builder().concurrency(1).listener((e, t, k, a, q) -> events.add(e)).build();
        try (CompletionPort port = CompletionPorts.open("java", options)) {
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread t = onSeam(seam, got, () -> {
                port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS); // associates (R20), stays active
                return port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS);
            });
            await().until(() -> seam.spinReads.get() == 2); // inside the second dequeue, before any wait
            port.post(1, 1, null);
            t.join();
            assertEquals(DequeueStatus.COMPLETED, got.get());
            assertEquals(List.of(PortEvent.ASSOCIATE, PortEvent.TIMEOUT, PortEvent.QUEUE, PortEvent.DEQUEUE), events);
            assertEquals(0, seam.unparks.get());
        }
    }

    @Test
    void r39_zeroTimeoutDoesNotSpin() {
        CountingSeam seam = new CountingSeam(Integer.MAX_VALUE);
        try (CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread t = onSeam(seam, got, () -> {
                port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
                return port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
            });
            // an endless spin would keep the thread alive; it must return TIMEOUT at once
            await().atMost(30, TimeUnit.SECONDS).until(() -> !t.isAlive());
            assertEquals(DequeueStatus.TIMEOUT, got.get());
        }
    }

    @Test
    void r33_closeUnparksAParkedWaiter() throws Exception {
        CountingSeam seam = new CountingSeam(0);
        CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1));
        AtomicReference<DequeueStatus> got = new AtomicReference<>();
        Thread t = onSeam(seam, got, () -> port.dequeue(new CompletionEntry()));
        await().until(() -> t.getState() == Thread.State.WAITING);
        port.close();
        t.join();
        assertEquals(DequeueStatus.ABANDONED, got.get());
        assertEquals(1, seam.unparks.get());
    }
}
