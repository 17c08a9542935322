package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/**
 * Timeouts (spec 1.9): zero never waits, INFINITE never expires (R39), a timed-out call leaves the
 * entry's key and bytes alone (R40), and the thread counts as active again (KiUnlinkThread). No
 * test depends on how long a timeout takes, only on what it returns.
 */
public abstract class TimeoutSuite extends ConformanceSuite {

    /** For subclasses. */
    protected TimeoutSuite() {}

    @Test
    public void r39_zeroTimeoutOnAnEmptyPortTimesOutAtOnce() {
        try (CompletionPort port = open(1)) {
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(Win32Error.WAIT_TIMEOUT, DequeueStatus.TIMEOUT.win32Error());
            assertFalse(e.hasPacket());
        }
    }

    @Test
    public void r39_zeroTimeoutTakesAQueuedPacket() {
        try (CompletionPort port = open(1)) {
            port.post(5, 0, null);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.NANOSECONDS));
            assertEquals(5, e.key());
        }
    }

    @Test
    public void r39_finiteTimeoutOnAnEmptyPortTimesOut() {
        try (CompletionPort port = open(1)) {
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 20, TimeUnit.MILLISECONDS));
            assertFalse(e.hasPacket());
        }
    }

    @Test
    public void r40_timeoutLeavesKeyAndBytesUntouched() {
        try (CompletionPort port = open(1)) {
            Object overlapped = new Object();
            port.post(0xDEADBEEFL, 0xBEEF, overlapped);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertSame(overlapped, e.overlapped());
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(0xDEADBEEFL, e.key(), "key not written (R40)");
            assertEquals(0xBEEF, e.bytes(), "bytes not written (R40)");
            assertNull(e.overlapped(), "*lpOverlapped = NULL (R40)");
            assertFalse(e.hasPacket());
        }
    }

    @Test
    public void r40_expiredFiniteWaitLeavesKeyAndBytesUntouched() {
        try (CompletionPort port = open(1)) {
            port.post(0xDEADBEEFL, 0xBEEF, null);
            CompletionEntry e = new CompletionEntry();
            port.dequeue(e, 0, TimeUnit.MILLISECONDS);
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 10, TimeUnit.MILLISECONDS));
            assertEquals(0xDEADBEEFL, e.key());
            assertEquals(0xBEEF, e.bytes());
            assertNull(e.overlapped());
        }
    }

    @Test
    public void r39_packetPostedDuringAFiniteWaitIsDelivered() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            Call waits = a.dequeue(port, TimeUnit.HOURS.toMillis(1));
            awaitWaiting(port, 1);
            port.post(9, 0, null);
            assertEquals(9, waits.key());
        }
    }

    @Test
    public void r39_infiniteInAnyUnitWaitsForever() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            Call waits = a.run("dequeue(INFINITE, DAYS)", () -> {
                CompletionEntry e = new CompletionEntry();
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, CompletionPort.INFINITE, TimeUnit.DAYS));
                assertEquals(4, e.key());
            });
            awaitWaiting(port, 1);
            port.post(4, 0, null);
            waits.await();
        }
    }

    @Test
    public void r39_hugeFiniteTimeoutDoesNotOverflowIntoAnImmediateTimeout() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            Call waits = a.run("dequeue(Long.MAX_VALUE - 1 ns)", () -> {
                CompletionEntry e = new CompletionEntry();
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, Long.MAX_VALUE - 1, TimeUnit.NANOSECONDS));
            });
            awaitWaiting(port, 1);
            port.post(1, 0, null);
            waits.await();
        }
    }

    @Test
    public void r39_hugeTimeoutInDaysDoesNotOverflowIntoAnImmediateTimeout() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            Call waits = a.run("dequeue(Long.MAX_VALUE - 1 days)", () -> {
                CompletionEntry e = new CompletionEntry();
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, Long.MAX_VALUE - 1, TimeUnit.DAYS));
            });
            awaitWaiting(port, 1);
            port.post(1, 0, null);
            waits.await();
        }
    }

    @Test
    public void r39_timedOutWaiterCountsAsActiveAgain() {
        assumeEnforcesConcurrency();
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        assertEquals(DequeueStatus.TIMEOUT, a.dequeue(port, 20).status());
        assertEquals(1, active(port), "the expired wait counts A again (KiUnlinkThread)");
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 1);
        port.post(1, 0, null);
        assertEquals(1, queued(port), "A holds the slot: the packet is queued, B sleeps");
        assertFalse(bWaits.isDone());
        port.close();
        assertEquals(DequeueStatus.ABANDONED, bWaits.status());
    }

    @Test
    public void r14_waiterWhoseTimeoutExpiredLeavesTheMiddleOfTheWaitList() {
        assumeWakesLifo();
        CompletionPort port = open(3);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        ScriptedThread c = thread("C");
        Call aWaits = a.dequeue(port);
        awaitWaiting(port, 1);
        // B's timer may fire before C arrives on a slow machine; then B was not in the middle, but
        // what the posts must do is the same, so the test cannot flake either way.
        Call bWaits = b.dequeue(port, 200);
        awaitUntil("B waits or has timed out", () -> waiting(port) == 2 || bWaits.isDone());
        Call cWaits = c.dequeue(port);
        awaitUntil("C waits", () -> waiting(port) == (bWaits.isDone() ? 2 : 3));
        assertEquals(DequeueStatus.TIMEOUT, bWaits.status());
        awaitWaiting(port, 2);
        port.post(1, 0, null);
        assertEquals(1, cWaits.key(), "C, the most recent waiter");
        port.post(2, 0, null);
        assertEquals(2, aWaits.key(), "then A: B left the list when its timer fired");
        port.close();
    }
}
