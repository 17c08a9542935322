package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/**
 * Closing the port (spec 1.8, Windows Vista and later): waiters return ABANDONED (R33), later
 * calls fail with ERROR_INVALID_HANDLE (R19, R36), queued packets are dropped (R38), and a packet
 * already handed to a woken waiter is still delivered (R37).
 */
public abstract class CloseSuite extends ConformanceSuite {

    /** For subclasses. */
    protected CloseSuite() {}

    @Test
    public void r33_closeWakesEveryWaiterWithAbandoned() {
        CompletionPort port = open(2);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        Call aWaits = a.dequeue(port);
        awaitWaiting(port, 1);
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 2);
        port.close();
        assertEquals(DequeueStatus.ABANDONED, aWaits.status(), "ERROR_ABANDONED_WAIT_0 (R33)");
        assertEquals(DequeueStatus.ABANDONED, bWaits.status());
        assertTrue(aWaits.received().isEmpty());
        assertEquals(Win32Error.ERROR_ABANDONED_WAIT_0, DequeueStatus.ABANDONED.win32Error());
    }

    @Test
    public void r33_closeWakesABatchWaiterWithAbandoned() {
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        Call aPolls = a.poll(port, 8, CompletionPort.INFINITE);
        awaitWaiting(port, 1);
        port.close();
        assertEquals(DequeueStatus.ABANDONED, aPolls.status(), "GetQueuedCompletionStatusEx too (R33, R45)");
        assertTrue(aPolls.received().isEmpty());
    }

    @Test
    public void r33_closeWakesAWaiterWithAFiniteTimeout() {
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        Call aWaits = a.dequeue(port, TimeUnit.HOURS.toMillis(1));
        awaitWaiting(port, 1);
        port.close();
        assertEquals(DequeueStatus.ABANDONED, aWaits.status());
    }

    @Test
    public void r37_postImmediatelyFollowedByCloseStillDeliversToTheWaiter() {
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        Call aWaits = a.dequeue(port);
        awaitWaiting(port, 1);
        port.post(7, 70, null);
        port.close();
        assertEquals(DequeueStatus.COMPLETED, aWaits.status(),
                "the packet was handed to A before the close: A gets it, not ABANDONED (R37)");
        assertEquals(new Received(7, 70, null, 0), aWaits.packet());
    }

    @Test
    public void r37_postImmediatelyFollowedByCloseStillDeliversToABatchWaiter() {
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        Call aPolls = a.poll(port, 4, CompletionPort.INFINITE);
        awaitWaiting(port, 1);
        port.post(7, 0, null);
        port.close();
        assertEquals(DequeueStatus.COMPLETED, aPolls.status(), "R37");
        assertEquals(List.of(new Received(7, 0, null, 0)), aPolls.received());
    }

    @Test
    public void r37_onlyTheWaitersWithoutAPacketAreAbandoned() {
        assumeWakesLifo();
        CompletionPort port = open(2);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        Call aWaits = a.dequeue(port);
        awaitWaiting(port, 1);
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 2);
        port.post(1, 0, null); // to B, the most recent waiter (R14)
        port.close();
        assertEquals(1, bWaits.key(), "R37");
        assertEquals(DequeueStatus.ABANDONED, aWaits.status(), "R33");
    }

    @Test
    public void r36_dequeueAfterCloseFailsWithInvalidHandle() {
        CompletionPort port = open(1);
        port.close();
        CompletionEntry e = new CompletionEntry();
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(e, 0, TimeUnit.MILLISECONDS), "R36");
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(e, CompletionPort.INFINITE, TimeUnit.MILLISECONDS),
                "an infinite dequeue on a closed port returns at once (R36)");
        assertFalse(e.hasPacket());
        assertNull(e.overlapped());
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, DequeueStatus.INVALID_HANDLE.win32Error());
    }

    @Test
    public void r36_pollAfterCloseFailsWithInvalidHandle() {
        CompletionPort port = open(1);
        port.close();
        int[] calls = new int[1];
        assertEquals(DequeueStatus.INVALID_HANDLE, port.poll((k, b, o, e) -> calls[0]++, 4, CompletionPort.INFINITE,
                TimeUnit.MILLISECONDS));
        assertEquals(0, calls[0]);
    }

    @Test
    public void r19_postAfterCloseFailsWithInvalidHandle() {
        CompletionPort port = open(1);
        port.close();
        PortClosedException e = assertThrows(PortClosedException.class, () -> port.post(1, 0, null));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, e.win32Error(), "R19");
        assertTrue(port.isClosed());
    }

    @Test
    public void r38_queuedPacketsAreDroppedByTheClose() {
        CompletionPort port = open(1);
        port.post(1, 0, null);
        port.post(2, 0, null);
        assertEquals(2, queued(port));
        port.close();
        assertEquals(0, port.stats().queuedPackets(), "R38: the queued packets went with the port");
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS),
                "the queued packets are unreachable (R38)");
    }

    @Test
    public void r33_closeIsIdempotent() {
        CompletionPort port = open(1);
        assertFalse(port.isClosed());
        port.close();
        port.close();
        assertTrue(port.isClosed());
    }

    @Test
    public void r33_chen_closeAbandonsTheSleeperAndDropsItsPacket() {
        ChenExample chen = chenExample();
        CompletionPort port = chen.port();
        chen.stopSpinning();
        port.close();
        assertEquals(DequeueStatus.ABANDONED, chen.bWaits().status(), "R33; packet 2 is dropped (R38)");
    }

    @Test
    public void r36_dequeueOnAClosedPortKeepsTheThreadOnItsPort() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            CompletionPort closed = open(1);
            closed.close();
            chen.stopSpinning();
            assertEquals(DequeueStatus.INVALID_HANDLE, chen.a().dequeue(closed, 0).status());
            assertFalse(chen.bWaits().isDone(), "the call failed on the handle: A did not leave the port (R36)");
            assertEquals(1, queued(port));
            Call blocked = chen.a().block();
            assertEquals(2, chen.bWaits().key(), "A is still the port's active thread: its wait releases B");
            chen.a().release();
            blocked.await();
        }
    }

    @Test
    public void r32_threadsOfAClosedPortCarryOnElsewhere() {
        assumeSeesLibraryWaits();
        CompletionPort port = open(1);
        try (CompletionPort other = open(1)) {
            ScriptedThread a = thread("A");
            port.post(1, 0, null);
            a.dequeue(port).await();
            Call blocked = a.block();
            port.close(); // A, associated and blocked, is dissociated by the rundown (R32)
            a.release();
            blocked.await();
            other.post(2, 0, null);
            assertEquals(2, a.dequeue(other, 0).key());
            assertEquals(1, associated(other));
            assertEquals(1, active(other));
        }
    }
}
