package org.iocp4j.internal.io;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_HANDLE_EOF;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared readiness-to-completion logic, on a fake kernel, one rule per test. */
class EmulatedIoHandleTest {
    private final CompletionPort port = CompletionPorts.open("java", org.iocp4j.PortOptions.withConcurrency(1));
    private final FakeIoHandle h = new FakeIoHandle();
    private final CompletionEntry e = new CompletionEntry();

    @AfterEach
    void close() {
        h.close();
        port.close();
    }

    private DequeueStatus next() {
        return port.dequeue(e, 0, TimeUnit.MILLISECONDS);
    }

    @Test
    void r51_synchronousSuccessQueuesAPacket() {
        h.associate(port, 9);
        h.readable = 5;
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_SUCCESS, h.read(10, ov));
        assertEquals(5, ov.bytesTransferred());
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(9, e.key());
        assertEquals(5, e.bytes());
        assertSame(ov, e.overlapped());
    }

    @Test
    void r52_synchronousFailureQueuesNothing() {
        h.associate(port, 1);
        h.failNextWith = ERROR_HANDLE_EOF;
        assertEquals(ERROR_HANDLE_EOF, h.read(10, new Overlapped()));
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r53_pendingOperationQueuesExactlyOnePacketWhenReady() {
        h.associate(port, 1);
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, h.read(10, ov));
        assertTrue(h.armed.contains(PendingOp.Direction.READ));
        assertTrue(ov.isInFlight());
        assertEquals(DequeueStatus.TIMEOUT, next());
        h.readable = 3;
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(3, e.bytes());
        assertFalse(ov.isInFlight());
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r51_aReadAfterAShortReadWaitsForReadinessWithoutTryingFirst() {
        h.associate(port, 1);
        h.readable = 3;
        assertEquals(ERROR_SUCCESS, h.read(10, new Overlapped())); // 3 of 10: the socket is drained
        assertEquals(DequeueStatus.COMPLETED, next());
        h.readable = 4; // data came; its readiness is not reported yet
        int syscalls = h.readAttempts;
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, h.read(10, ov), "pending: Win32 allows it where data may have come");
        assertEquals(syscalls, h.readAttempts, "no syscall that could only meet EAGAIN");
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertSame(ov, e.overlapped());
        assertEquals(4, e.bytes());
    }

    @Test
    void r51_aReadAfterAFullReadIsTriedAtOnce() {
        h.associate(port, 1);
        h.readable = 20;
        assertEquals(ERROR_SUCCESS, h.read(10, new Overlapped())); // filled: more may be there
        assertEquals(ERROR_SUCCESS, h.read(10, new Overlapped()));
        assertEquals(2, h.readAttempts);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(DequeueStatus.COMPLETED, next());
    }

    @Test
    void r53_pendingFailureQueuesAFailedPacket() {
        h.associate(port, 1);
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, h.read(10, ov));
        h.failNextWith = 64;
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.FAILED, next());
        assertEquals(64, e.error());
        assertEquals(64, ov.error());
    }

    @Test
    void readinessThatIsNotEnoughRearms() {
        h.associate(port, 1);
        assertEquals(ERROR_IO_PENDING, h.write(10, new Overlapped()));
        h.writable = 4;
        h.fire(PendingOp.Direction.WRITE);
        assertTrue(h.armed.contains(PendingOp.Direction.WRITE), "a partial write waits for more room");
        assertEquals(DequeueStatus.TIMEOUT, next());
        h.writable = 6;
        h.fire(PendingOp.Direction.WRITE);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(10, e.bytes());
    }

    @Test
    void operationsOfOneDirectionCompleteInIssueOrder() {
        h.associate(port, 1);
        Overlapped first = new Overlapped();
        Overlapped second = new Overlapped();
        assertEquals(ERROR_IO_PENDING, h.read(2, first));
        h.readable = 10; // data arrives, but the second read must not overtake the first
        assertEquals(ERROR_IO_PENDING, h.read(2, second));
        h.fire(PendingOp.Direction.READ);
        next();
        assertSame(first, e.overlapped());
        next();
        assertSame(second, e.overlapped());
    }

    @Test
    void r56_skipOnSuccessQueuesNoPacketForSynchronousSuccess() {
        h.associate(port, 1);
        h.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        h.readable = 5;
        assertEquals(ERROR_SUCCESS, h.read(10, new Overlapped()));
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r57_skipOnSuccessStillQueuesPendingCompletions() {
        h.associate(port, 1);
        h.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        assertEquals(ERROR_IO_PENDING, h.read(10, new Overlapped()));
        h.readable = 1;
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.COMPLETED, next());
    }

    @Test
    void r59_modesAreStickyAndCumulative_r60_unknownBitsIgnored() {
        h.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        h.setCompletionNotificationModes(0);
        h.setCompletionNotificationModes(IoHandle.SKIP_SET_EVENT_ON_HANDLE | 0x100);
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                h.completionNotificationModes());
    }

    @Test
    void r61_modesCanBeSetBeforeAssociation() {
        h.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        h.associate(port, 1);
        h.readable = 1;
        assertEquals(ERROR_SUCCESS, h.read(1, new Overlapped()));
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r9_secondAssociationFails() {
        h.associate(port, 1);
        try (CompletionPort other = CompletionPorts.open("java", org.iocp4j.PortOptions.withConcurrency(1))) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> h.associate(other, 2));
            assertTrue(x.getMessage().contains("ERROR_INVALID_PARAMETER"), x.getMessage());
        }
        h.readable = 1;
        h.read(1, new Overlapped());
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(1, e.key(), "the first association is intact");
    }

    @Test
    void r11_associatingAfterAnOperationIsPendingStillDeliversIt() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, h.read(4, ov));
        h.associate(port, 77);
        h.readable = 4;
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(77, e.key());
    }

    @Test
    void r67_reusingAnOverlappedInFlightIsRefusedAndChangesNothing() {
        h.associate(port, 1);
        Overlapped ov = new Overlapped();
        h.read(4, ov);
        assertThrows(IllegalStateException.class, () -> h.read(4, ov));
        h.readable = 8;
        h.fire(PendingOp.Direction.READ);
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(4, e.bytes());
        assertEquals(DequeueStatus.TIMEOUT, next(), "the refused call queued nothing");
    }

    @Test
    void r65_cancelCompletesThePendingOperationWithOperationAborted() {
        h.associate(port, 1);
        Overlapped a = new Overlapped();
        Overlapped b = new Overlapped();
        h.read(1, a);
        h.read(1, b);
        assertEquals(ERROR_SUCCESS, h.cancel(b));
        assertEquals(DequeueStatus.FAILED, next());
        assertSame(b, e.overlapped());
        assertEquals(ERROR_OPERATION_ABORTED, e.error());
        assertTrue(a.isInFlight(), "only the named operation is cancelled (R64)");
    }

    @Test
    void r68_cancelWithNothingPendingIsNotFound() {
        h.associate(port, 1);
        assertEquals(ERROR_NOT_FOUND, h.cancel(new Overlapped()));
        assertEquals(ERROR_NOT_FOUND, h.cancelAll());
    }

    @Test
    void r64_cancelAllCancelsEveryPendingOperation() {
        h.associate(port, 1);
        h.read(1, new Overlapped());
        h.write(1, new Overlapped());
        assertEquals(ERROR_SUCCESS, h.cancelAll());
        assertEquals(DequeueStatus.FAILED, next());
        assertEquals(DequeueStatus.FAILED, next());
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r71_closeCompletesEachPendingOperationWithItsError() {
        h.associate(port, 1);
        h.read(1, new Overlapped());
        h.close();
        assertTrue(h.released);
        assertEquals(DequeueStatus.FAILED, next());
        assertEquals(ERROR_CONNECTION_ABORTED, e.error());
    }

    @Test
    void r73_closeWithNothingPendingQueuesNothing() {
        h.associate(port, 1);
        h.close();
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void operationOnAClosedHandleIsInvalidHandleAndFreesTheOverlapped() {
        h.close();
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, h.read(1, ov));
        assertFalse(ov.isInFlight());
    }

    @Test
    void r74_replaceMovesTheAssociationAndClearsModes() {
        h.associate(port, 1);
        h.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        try (CompletionPort other = CompletionPorts.open("java", org.iocp4j.PortOptions.withConcurrency(1))) {
            h.replacePort(other, 5);
            assertEquals(0, h.completionNotificationModes());
            h.readable = 1;
            h.read(1, new Overlapped());
            assertEquals(DequeueStatus.COMPLETED, other.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(5, e.key());
            assertEquals(DequeueStatus.TIMEOUT, next());
        }
    }

    @Test
    void r74_replaceWithNullRemovesTheAssociation() {
        h.associate(port, 1);
        h.replacePort(null, 0);
        h.readable = 1;
        assertEquals(ERROR_SUCCESS, h.read(1, new Overlapped()));
        assertEquals(DequeueStatus.TIMEOUT, next());
    }

    @Test
    void r75_replaceFailsWithoutAssociationOrWithPendingIo() {
        assertThrows(IllegalStateException.class, () -> h.replacePort(port, 1));
        h.associate(port, 1);
        h.read(1, new Overlapped());
        assertThrows(IllegalStateException.class, () -> h.replacePort(null, 0));
        h.cancelAll();
        next();
        h.replacePort(null, 0);
    }

    @Test
    void r38_completionAfterThePortClosedIsDroppedQuietly() {
        h.associate(port, 1);
        Overlapped ov = new Overlapped();
        h.read(1, ov);
        port.close();
        h.readable = 1;
        h.fire(PendingOp.Direction.READ);
        assertFalse(ov.isInFlight());
        assertEquals(1, ov.bytesTransferred());
    }

    @Test
    void completedIsCalledOnceForEveryWayAnOperationEnds() {
        h.associate(port, 1);
        h.readable = 2;
        h.read(5, new Overlapped()); // done now
        h.failNextWith = ERROR_HANDLE_EOF;
        h.read(5, new Overlapped()); // failed now
        h.read(5, new Overlapped()); // pending, then ready
        h.readable = 3;
        h.fire(PendingOp.Direction.READ);
        Overlapped cancelled = new Overlapped();
        h.read(5, cancelled);
        h.cancel(cancelled);
        h.read(5, new Overlapped()); // aborted by close
        h.close();
        h.read(5, new Overlapped()); // refused: never started
        assertEquals(java.util.List.of("2/0", "0/" + ERROR_HANDLE_EOF, "3/0", "0/" + ERROR_OPERATION_ABORTED,
                "0/" + ERROR_CONNECTION_ABORTED), h.readsCompleted);
    }

    @Test
    void associatingWithAClosedPortFailsAndLeavesTheHandleFree() {
        CompletionPort closed = CompletionPorts.open("java", org.iocp4j.PortOptions.withConcurrency(1));
        closed.close();
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> h.associate(closed, 1));
        assertTrue(x.getMessage().contains("ERROR_INVALID_HANDLE"), x.getMessage());
        h.associate(port, 2); // still free
        assertThrows(IllegalStateException.class, () -> h.replacePort(closed, 3));
        h.readable = 1;
        h.read(1, new Overlapped());
        assertEquals(DequeueStatus.COMPLETED, next());
        assertEquals(2, e.key());
    }
}
