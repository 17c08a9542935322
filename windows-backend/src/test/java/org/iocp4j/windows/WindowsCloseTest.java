package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the port (spec 1.8). */
class WindowsCloseTest {

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    @Test
    void r33_closeWakesADequeueWaiterWithAbandoned() {
        CompletionPort port = OnWindows.open(1);
        AtomicReference<DequeueStatus> status = new AtomicReference<>();
        Thread t = OnWindows.start("waiter", () -> status.set(port.dequeue(new CompletionEntry())));
        OnWindows.awaitWaiting(t);
        port.close();
        OnWindows.awaitEnd(t);
        assertEquals(DequeueStatus.ABANDONED, status.get());
    }

    @Test
    void r33_closeWakesAPollWaiterWithAbandoned() {
        CompletionPort port = OnWindows.open(1);
        AtomicReference<DequeueStatus> status = new AtomicReference<>();
        Thread t = OnWindows.start("poller", () -> status.set(port.poll((k, b, ov, err) -> { }, 8)));
        OnWindows.awaitWaiting(t);
        port.close();
        OnWindows.awaitEnd(t);
        assertEquals(DequeueStatus.ABANDONED, status.get());
    }

    @Test
    void r33_closeWakesEveryWaiter() {
        CompletionPort port = OnWindows.open(2);
        AtomicReference<DequeueStatus> a = new AtomicReference<>();
        AtomicReference<DequeueStatus> b = new AtomicReference<>();
        Thread ta = OnWindows.start("a", () -> a.set(port.dequeue(new CompletionEntry())));
        Thread tb = OnWindows.start("b", () -> b.set(port.dequeue(new CompletionEntry(), 60, TimeUnit.SECONDS)));
        OnWindows.awaitWaiting(ta);
        OnWindows.awaitWaiting(tb);
        port.close();
        OnWindows.awaitEnd(ta);
        OnWindows.awaitEnd(tb);
        assertEquals(DequeueStatus.ABANDONED, a.get());
        assertEquals(DequeueStatus.ABANDONED, b.get());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a close that waits for a waiter never woken
    void r33_waitersNoApcReachesAreWokenByPacketsBeforeTheHandleCloses() {
        CompletionPort port = OnWindows.open(2);
        AtomicReference<DequeueStatus> polled = new AtomicReference<>();
        AtomicReference<DequeueStatus> dequeued = new AtomicReference<>();
        // As if OpenThread or QueueUserAPC failed for both. The poll waits first: woken first where
        // waiters are woken FIFO (Wine), its batch takes every wake packet queued, and must pass on
        // the one it does not need.
        Thread a = OnWindows.start("poll", () -> {
            WindowsThread.current().apcRefusedForTests = true;
            polled.set(port.poll((k, n, ov, err) -> { }, 8));
        });
        OnWindows.awaitWaiting(a);
        Thread b = OnWindows.start("dequeue", () -> {
            WindowsThread.current().apcRefusedForTests = true;
            dequeued.set(port.dequeue(new CompletionEntry()));
        });
        OnWindows.awaitWaiting(b);
        port.close(); // returns normally: every waiter was woken, so no error to report
        assertEquals(java.util.List.of(), ((WindowsCompletionPort) port).callerThreads(),
                "close waited for every caller to leave before closing the handle");
        OnWindows.awaitEnd(a);
        OnWindows.awaitEnd(b);
        assertEquals(DequeueStatus.ABANDONED, polled.get());
        assertEquals(DequeueStatus.ABANDONED, dequeued.get());
    }

    @Test
    void r36_callsAfterCloseFailWithInvalidHandle() {
        CompletionPort port = OnWindows.open(1);
        port.close();
        assertTrue(port.isClosed());
        CompletionEntry e = new CompletionEntry();
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(e));
        assertEquals(DequeueStatus.INVALID_HANDLE, port.poll((k, b, ov, err) -> { }, 4));
        PortClosedException thrown = assertThrows(PortClosedException.class, () -> port.post(1, 1, "late"));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, thrown.win32Error());
        assertEquals(0, ((WindowsCompletionPort) port).slotsInUse(), "the refused post holds no slot");
        port.close(); // idempotent
    }

    @Test
    void r38_closeFreesTheSlotsOfQueuedPackets() {
        CompletionPort port = OnWindows.open(1);
        WindowsCompletionPort w = (WindowsCompletionPort) port;
        port.post(1, 1, "dropped");
        port.post(2, 2, new Object());
        port.post(3, 3, null);
        assertEquals(2, w.slotsInUse());
        port.close();
        assertEquals(0, w.slotsInUse());
        assertEquals(0, port.stats().queuedPackets(), "R38: the queue went with the port");
    }

    @Test
    void r37_aPacketTakenBeforeTheCloseIsStillDelivered() {
        CompletionPort port = OnWindows.open(1);
        port.post(5, 6, "mine");
        CompletionEntry e = new CompletionEntry();
        AtomicReference<DequeueStatus> status = new AtomicReference<>();
        // The handler runs after the removal: closing there must not take the packet back.
        port.poll((k, b, ov, err) -> {
            port.close();
            e.set(k, b, ov, err);
            status.set(DequeueStatus.COMPLETED);
        }, 1, 0, TimeUnit.MILLISECONDS);
        assertEquals(DequeueStatus.COMPLETED, status.get());
        assertEquals("mine", e.overlapped());
        assertTrue(port.isClosed());
    }
}
