package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.junit.jupiter.api.Test;

/**
 * Packets and their order (spec 1.4): what a post carries (R16), FIFO packets and LIFO waiters
 * (R14), the direct hand-off to a waiter (R15), the queue depth (R77), and that under contention
 * every packet is removed exactly once.
 */
public abstract class PacketOrderSuite extends ConformanceSuite {

    /** For subclasses. */
    protected PacketOrderSuite() {}

    @Test
    public void r16_postedValuesComeBackVerbatim() {
        try (CompletionPort port = open(1)) {
            Object overlapped = new Object();
            port.post(7, 42, overlapped);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(7, e.key());
            assertEquals(42, e.bytes());
            assertSame(overlapped, e.overlapped());
            assertEquals(0, e.error(), "a posted packet always has error 0 (R16)");
            assertTrue(e.hasPacket());
        }
    }

    @Test
    public void r16_keyBytesAndOverlappedAreNotInterpreted() {
        try (CompletionPort port = open(1)) {
            String notAnOverlapped = "not an OVERLAPPED";
            port.post(Long.MIN_VALUE, 0xFFFF_FFFF, notAnOverlapped);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(Long.MIN_VALUE, e.key());
            assertEquals("4294967295", Integer.toUnsignedString(e.bytes()), "bytes are an unsigned DWORD");
            assertSame(notAnOverlapped, e.overlapped());
        }
    }

    @Test
    public void r16_postedPacketWithNullOverlappedStillCompletes() {
        try (CompletionPort port = open(1)) {
            port.post(3, 0, null);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS),
                    "TRUE with a NULL overlapped: a posted packet, not a failure (spec 1.10)");
            assertTrue(e.hasPacket());
            assertNull(e.overlapped());
            assertEquals(3, e.key());
        }
    }

    @Test
    public void r14_packetsAreRemovedInPostingOrder() {
        try (CompletionPort port = open(1)) {
            port.post(1, 0, null);
            port.post(2, 0, null);
            port.post(3, 0, null);
            CompletionEntry e = new CompletionEntry();
            for (long expected = 1; expected <= 3; expected++) {
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
                assertEquals(expected, e.key(), "FIFO (R14)");
            }
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    public void r14_waitersAreReleasedMostRecentFirst() {
        assumeWakesLifo();
        try (CompletionPort port = open(3)) {
            ScriptedThread a = thread("A");
            ScriptedThread b = thread("B");
            ScriptedThread c = thread("C");
            Call ca = a.dequeue(port);
            awaitWaiting(port, 1);
            Call cb = b.dequeue(port);
            awaitWaiting(port, 2);
            Call cc = c.dequeue(port);
            awaitWaiting(port, 3);

            port.post(1, 0, null);
            assertEquals(1, cc.key(), "the most recent waiter, C, is released first (R14)");
            assertFalse(ca.isDone() || cb.isDone(), "A and B still wait");
            port.post(2, 0, null);
            assertEquals(2, cb.key(), "then B");
            assertFalse(ca.isDone(), "A still waits");
            port.post(3, 0, null);
            assertEquals(3, ca.key(), "then A");
        }
    }

    @Test
    public void r15_packetHandedToAWaiterIsNotStolenByALaterRemover() {
        try (CompletionPort port = open(2)) {
            ScriptedThread waiter = thread("W");
            ScriptedThread latecomer = thread("L");
            Call waits = waiter.dequeue(port);
            awaitWaiting(port, 1);
            port.post(1, 0, null); // handed to W inside the post (R15)
            assertEquals(DequeueStatus.TIMEOUT, latecomer.dequeue(port, 0).status(),
                    "the packet belongs to W; a later remover must not steal it (R15)");
            assertEquals(1, waits.key());
        }
    }

    @Test
    public void r77_packetHandedToAWaiterIsNeverQueued() {
        try (CompletionPort port = open(1)) {
            ScriptedThread waiter = thread("W");
            Call waits = waiter.dequeue(port);
            awaitWaiting(port, 1);
            port.post(1, 0, null);
            assertEquals(0, queued(port), "a packet handed to a waiter is not counted in the depth (R77)");
            assertEquals(1, waits.key());
        }
    }

    @Test
    public void r77_queuedPacketsAreCounted() {
        try (CompletionPort port = open(1)) {
            port.post(1, 0, null);
            port.post(2, 0, null);
            port.post(3, 0, null);
            assertEquals(3, queued(port));
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS));
            assertEquals(2, queued(port));
        }
    }

    @Test
    public void r15_everyPacketIsRemovedExactlyOnceUnderContention() {
        int perPoster = 500;
        AtomicIntegerArray seen = new AtomicIntegerArray(2 * perPoster);
        CompletionPort port = open(2); // closed below, so the workers end; the invariant check closes it on failure
        Thread[] workers = new Thread[3];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = start("worker-" + w, () -> {
                CompletionEntry e = new CompletionEntry();
                while (port.dequeue(e).hasPacket()) {
                    int i = (int) e.key();
                    seen.incrementAndGet(i);
                    if (i % 7 == 0) { // now and then block: R26 releases a waiter, R27 over-commits
                        Blocking.run(() -> {
                            for (int spin = 0; spin < 100; spin++) {
                                harness().busy();
                            }
                        });
                    }
                }
            });
        }
        Thread p0 = start("poster-0", () -> postRange(port, 0, perPoster));
        Thread p1 = start("poster-1", () -> postRange(port, perPoster, 2 * perPoster));
        join(p0);
        join(p1);
        awaitUntil("every packet removed", () -> sum(seen) == 2 * perPoster);
        port.close(); // the workers return ABANDONED (R33)
        for (Thread w : workers) {
            join(w);
        }
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "packet " + i + " removed once");
        }
    }

    private static void postRange(CompletionPort port, int from, int to) {
        for (int i = from; i < to; i++) {
            port.post(i, 0, null);
        }
    }

    private static int sum(AtomicIntegerArray a) {
        int s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }
}
