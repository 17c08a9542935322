package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.junit.jupiter.api.Test;

/**
 * Batch dequeue, as GetQueuedCompletionStatusEx (spec 1.11): up to the limit, FIFO, without
 * waiting to fill the batch (R43, R47, R48), one packet when handed to a waiter (R15), no entries
 * on TIMEOUT (R45), and the same association and concurrency rules as a single dequeue (R50).
 */
public abstract class BatchDequeueSuite extends ConformanceSuite {

    /** For subclasses. */
    protected BatchDequeueSuite() {}

    private static List<Long> keys(List<Received> r) {
        return r.stream().map(Received::key).toList();
    }

    @Test
    public void r47_takesWhatIsQueuedWithoutWaitingToFillTheBatch() {
        try (CompletionPort port = open(1)) {
            port.post(1, 0, null);
            port.post(2, 0, null);
            ScriptedThread a = thread("A");
            Call polled = a.poll(port, 8, CompletionPort.INFINITE);
            assertEquals(DequeueStatus.COMPLETED, polled.status());
            assertEquals(List.of(1L, 2L), keys(polled.received()), "two queued, limit 8: returns the two (R47)");
        }
    }

    @Test
    public void r48_entriesComeInFifoOrder() {
        try (CompletionPort port = open(1)) {
            Object ov = new Object();
            for (int k = 1; k <= 5; k++) {
                port.post(k, k * 10, k == 3 ? ov : null);
            }
            List<Received> got = new ArrayList<>();
            assertEquals(DequeueStatus.COMPLETED, port.poll((k, b, o, e) -> got.add(new Received(k, b, o, e)), 5, 0,
                    TimeUnit.MILLISECONDS));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), keys(got), "R48");
            assertEquals(30, got.get(2).bytes());
            assertSame(ov, got.get(2).overlapped());
            assertTrue(got.stream().allMatch(r -> r.error() == 0), "posted packets carry status 0 (R43)");
        }
    }

    @Test
    public void r43_limitCapsTheBatch() {
        try (CompletionPort port = open(1)) {
            for (int k = 1; k <= 5; k++) {
                port.post(k, 0, null);
            }
            ScriptedThread a = thread("A");
            assertEquals(List.of(1L, 2L), keys(a.poll(port, 2, 0).received()));
            assertEquals(3, queued(port));
            assertEquals(List.of(3L, 4L, 5L), keys(a.poll(port, 3, 0).received()));
        }
    }

    @Test
    public void r47_waiterIsHandedExactlyOnePacket() {
        assumeEnforcesConcurrency();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            Call polls = a.poll(port, 4, CompletionPort.INFINITE);
            awaitWaiting(port, 1);
            port.post(1, 0, null);
            port.post(2, 0, null);
            port.post(3, 0, null);
            assertEquals(List.of(1L), keys(polls.received()), "handed one packet after its wait (R15, R47)");
            assertEquals(2, queued(port));
            assertEquals(List.of(2L, 3L), keys(a.poll(port, 4, 0).received()), "the rest on the next call (R22)");
        }
    }

    @Test
    public void r45_timeoutDeliversNoEntries() {
        try (CompletionPort port = open(1)) {
            int[] calls = new int[1];
            assertEquals(DequeueStatus.TIMEOUT, port.poll((k, b, o, e) -> calls[0]++, 4, 0, TimeUnit.MILLISECONDS));
            assertEquals(DequeueStatus.TIMEOUT, port.poll((k, b, o, e) -> calls[0]++, 4, 10, TimeUnit.MILLISECONDS));
            assertEquals(0, calls[0], "R45: FALSE, nothing removed");
        }
    }

    @Test
    public void r50_batchDequeueAssociatesLikeADequeue() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            assertEquals(DequeueStatus.TIMEOUT, a.poll(port, 4, 0).status());
            assertEquals(1, associated(port), "R20 via GetQueuedCompletionStatusEx (R50)");
            assertEquals(1, active(port));
        }
    }

    @Test
    public void r50_chen_batchDequeueIsHeldByTheConcurrencyGate() {
        ChenExample chen = chenExample();
        CompletionPort port = chen.port();
        ScriptedThread c = thread("C");
        assertEquals(DequeueStatus.TIMEOUT, c.poll(port, 4, 0).status(),
                "a newcomer's batch dequeue is gated too: TIMEOUT although packet 2 is queued (R23, R50)");
        assertEquals(2, active(port), "C's timed-out call counts C as running (KeRemoveQueue step 3)");
        chen.stopSpinning();
        assertEquals(DequeueStatus.TIMEOUT, chen.a().poll(port, 4, 0).status(),
                "A gives up its slot but C still holds one: 1 active is not below 1");
        assertEquals(1, queued(port));
        port.close();
        assertEquals(DequeueStatus.ABANDONED, chen.bWaits().status());
    }

    @Test
    public void r47_handlerExceptionDoesNotLoseTheRestOfTheBatch() {
        try (CompletionPort port = open(1)) {
            port.post(1, 0, null);
            port.post(2, 0, null);
            port.post(3, 0, null);
            List<Long> seen = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> port.poll((k, b, o, e) -> {
                seen.add(k);
                if (k == 1) {
                    throw new IllegalStateException("handler fails on entry 1");
                }
            }, 3, 0, TimeUnit.MILLISECONDS));
            assertEquals("handler fails on entry 1", thrown.getMessage(), "the first exception is rethrown");
            assertEquals(List.of(1L, 2L, 3L), seen, "entries 2 and 3 were removed: they must still be delivered");
        }
    }

    @Test
    public void r47_handlerErrorDoesNotLoseTheRestOfTheBatch() {
        try (CompletionPort port = open(1)) {
            port.post(1, 0, null);
            port.post(2, 0, null);
            List<Long> seen = new ArrayList<>();
            assertThrows(AssertionError.class, () -> port.poll((k, b, o, e) -> {
                seen.add(k);
                if (k == 1) {
                    throw new AssertionError("handler fails on entry 1");
                }
            }, 2, 0, TimeUnit.MILLISECONDS));
            assertEquals(List.of(1L, 2L), seen, "entry 2 was removed from the port: it must still be delivered");
        }
    }

    @Test
    public void r47_handlerMayDequeueAgainOnTheSameThread() {
        try (CompletionPort port = open(1)) {
            for (int k = 1; k <= 3; k++) {
                port.post(k, 0, null);
            }
            List<Long> seen = new ArrayList<>();
            assertEquals(DequeueStatus.COMPLETED, port.poll((k, b, o, e) -> {
                seen.add(k);
                if (k == 1) {
                    assertEquals(DequeueStatus.COMPLETED,
                            port.poll((k2, b2, o2, e2) -> seen.add(k2), 1, 0, TimeUnit.MILLISECONDS));
                }
            }, 2, 0, TimeUnit.MILLISECONDS));
            assertEquals(List.of(1L, 3L, 2L), seen, "the nested call took packet 3; packet 2 still came");
        }
    }

    @Test
    public void r48_everyPacketIsRemovedExactlyOnceByConcurrentBatches() {
        int packets = 1000;
        AtomicIntegerArray seen = new AtomicIntegerArray(packets);
        CompletionPort port = open(2);
        Thread[] workers = new Thread[3];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = start("batch-worker-" + w, () -> {
                while (port.poll((k, b, o, e) -> seen.incrementAndGet((int) k), 4) == DequeueStatus.COMPLETED) {
                    harness().busy();
                }
            });
        }
        Thread poster = start("poster", () -> {
            for (int i = 0; i < packets; i++) {
                port.post(i, 0, null);
            }
        });
        join(poster);
        awaitUntil("every packet removed", () -> {
            int s = 0;
            for (int i = 0; i < packets; i++) {
                s += seen.get(i);
            }
            return s == packets;
        });
        port.close();
        for (Thread w : workers) {
            join(w);
        }
        for (int i = 0; i < packets; i++) {
            assertEquals(1, seen.get(i), "packet " + i);
        }
    }
}
