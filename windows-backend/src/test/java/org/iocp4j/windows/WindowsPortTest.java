package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel's port through the port API: one packet at a time (spec 1.4-1.10). */
class WindowsPortTest {

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    @Test
    void r16_postedValuesComeBackVerbatim() {
        try (CompletionPort port = OnWindows.open(1)) {
            Object ov = new Object();
            port.post(Long.MIN_VALUE, -1, ov); // a 64-bit key, an unsigned DWORD of bytes
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(Long.MIN_VALUE, e.key());
            assertEquals(-1, e.bytes());
            assertSame(ov, e.overlapped());
            assertEquals(0, e.error());
        }
    }

    @Test
    void r16_nullOverlappedIsAPacketToo() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(3, 4, null);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertTrue(e.hasPacket());
            assertNull(e.overlapped());
            assertEquals(3, e.key());
            assertEquals(4, e.bytes());
        }
    }

    @Test
    void r39_zeroTimeoutOnAnEmptyPortReturnsTimeout() {
        try (CompletionPort port = OnWindows.open(1)) {
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertFalse(e.hasPacket());
        }
    }

    @Test
    void r40_aTimeoutLeavesKeyAndBytesUntouched() {
        try (CompletionPort port = OnWindows.open(1)) {
            CompletionEntry e = new CompletionEntry();
            port.post(0xdeadbeefL, 0x1234, "first");
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 20, TimeUnit.MILLISECONDS));
            assertEquals(0xdeadbeefL, e.key());
            assertEquals(0x1234, e.bytes());
            assertNull(e.overlapped());
        }
    }

    @Test
    void r14_packetsComeOutInFifoOrder() {
        try (CompletionPort port = OnWindows.open(1)) {
            for (int i = 0; i < 5; i++) {
                port.post(i, i * 10, "p" + i);
            }
            CompletionEntry e = new CompletionEntry();
            for (int i = 0; i < 5; i++) {
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
                assertEquals(i, e.key());
                assertEquals("p" + i, e.overlapped());
            }
        }
    }

    @Test
    void r15_aWaiterIsHandedThePacket() {
        try (CompletionPort port = OnWindows.open(1)) {
            AtomicReference<CompletionEntry> got = new AtomicReference<>();
            Thread t = OnWindows.start("waiter", () -> {
                CompletionEntry e = new CompletionEntry();
                if (port.dequeue(e) == DequeueStatus.COMPLETED) {
                    got.set(e);
                }
            });
            OnWindows.awaitWaiting(t);
            port.post(9, 8, "handed");
            OnWindows.awaitEnd(t);
            assertEquals("handed", got.get().overlapped());
        }
    }

    @Test
    void r14_theMostRecentWaiterIsWokenFirst() {
        OnWindows.assumeNotWine(OnWindows.WINE_WAKES_FIFO);
        try (CompletionPort port = OnWindows.open(2)) {
            List<String> order = new ArrayList<>();
            Thread first = OnWindows.start("first", () -> take(port, order));
            OnWindows.awaitWaiting(first);
            Thread second = OnWindows.start("second", () -> take(port, order));
            OnWindows.awaitWaiting(second);
            port.post(1, 0, "one");
            OnWindows.awaitUntil("one waiter got a packet", () -> size(order) == 1);
            assertEquals("second:one", first(order), "LIFO: the later waiter gets the first packet");
            port.post(2, 0, "two");
            OnWindows.awaitEnd(first);
            OnWindows.awaitEnd(second);
            assertEquals(List.of("second:one", "first:two"), order);
        }
    }

    private static int size(List<String> order) {
        synchronized (order) {
            return order.size();
        }
    }

    private static String first(List<String> order) {
        synchronized (order) {
            return order.get(0);
        }
    }

    private static void take(CompletionPort port, List<String> order) {
        CompletionEntry e = new CompletionEntry();
        if (port.dequeue(e, 30, TimeUnit.SECONDS) == DequeueStatus.COMPLETED) {
            synchronized (order) {
                order.add(Thread.currentThread().getName() + ":" + e.overlapped());
            }
        }
    }

    @Test
    void r77_statsReportTheQueueDepthAndNothingTheKernelHides() {
        try (CompletionPort port = OnWindows.open(3)) {
            port.post(1, 1, "a");
            port.post(2, 2, null);
            PortStats s = port.stats();
            assertEquals(3, s.concurrency());
            assertEquals(2, s.queuedPackets());
            assertEquals(PortStats.UNKNOWN, s.activeThreads());
            assertEquals(PortStats.UNKNOWN, s.associatedThreads());
            assertEquals(PortStats.UNKNOWN, s.waitingThreads());
        }
    }

    @Test
    void r49_anInterruptedCallerGetsInterruptedWhenNothingIsQueued() {
        try (CompletionPort port = OnWindows.open(1)) {
            CompletionEntry e = new CompletionEntry();
            Thread.currentThread().interrupt();
            try {
                assertEquals(DequeueStatus.INTERRUPTED, port.dequeue(e));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
                port.post(1, 1, "wins");
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e), "a packet wins over the interrupt");
                assertEquals("wins", e.overlapped());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void slotsAreFreedAsPacketsAreDequeued() {
        try (CompletionPort port = OnWindows.open(1)) {
            WindowsCompletionPort w = (WindowsCompletionPort) port;
            for (int i = 0; i < 100; i++) {
                port.post(i, i, Integer.valueOf(i));
            }
            assertEquals(100, w.slotsInUse());
            CompletionEntry e = new CompletionEntry();
            for (int i = 0; i < 100; i++) {
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
                assertEquals(i, e.overlapped());
            }
            assertEquals(0, w.slotsInUse());
        }
    }
}
