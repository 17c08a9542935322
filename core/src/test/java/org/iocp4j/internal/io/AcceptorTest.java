package org.iocp4j.internal.io;

import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_ENOUGH_MEMORY;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared AcceptEx protocol (Acceptor, AcceptOp, AcceptTarget), on a fake kernel. */
class AcceptorTest {
    private final CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1));
    private final FakeAcceptHandles.Listener listener = new FakeAcceptHandles.Listener();
    private final FakeAcceptHandles.Target target = new FakeAcceptHandles.Target();
    private final CompletionEntry e = new CompletionEntry();

    AcceptorTest() {
        listener.associate(port, 7);
    }

    @AfterEach
    void close() {
        target.close();
        listener.close();
        port.close();
    }

    private int accept(FakeAcceptHandles.Target into, Overlapped ov) {
        return listener.accepts.accept(into.accepts, ov);
    }

    private void expectPacket(Overlapped ov, int error) {
        DequeueStatus expected = error == ERROR_SUCCESS ? DequeueStatus.COMPLETED : DequeueStatus.FAILED;
        assertEquals(expected, port.dequeue(e, 0, TimeUnit.MILLISECONDS)); // a failed operation's packet
        assertEquals(7, e.key());
        assertSame(ov, e.overlapped());
        assertEquals(0, e.bytes());
        assertEquals(error, e.error());
    }

    private void expectNoPacket() {
        assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
    }

    @Test
    void r51_aWaitingConnectionIsTakenAtOnceAndStillQueuesAPacket() {
        listener.backlog.add("c1");
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_SUCCESS, accept(target, ov));
        assertEquals("c1", target.connection);
        assertFalse(target.isFree());
        expectPacket(ov, ERROR_SUCCESS);
    }

    @Test
    void r53_aPendingAcceptPromisesItsTargetAndCompletesOnceWhenAConnectionArrives() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        assertFalse(target.isFree()); // promised: a connect would meet WSAEISCONN
        assertNull(target.connection);
        expectNoPacket();
        listener.arrive("c1");
        assertEquals("c1", target.connection);
        expectPacket(ov, ERROR_SUCCESS);
        expectNoPacket();
    }

    @Test
    void r52_aFailedAcceptQueuesNothingAndFreesItsTarget() {
        listener.failNextWith = ERROR_NOT_ENOUGH_MEMORY;
        assertEquals(ERROR_NOT_ENOUGH_MEMORY, accept(target, new Overlapped()));
        assertTrue(target.isFree());
        expectNoPacket();
    }

    @Test
    void acceptEx_refusesAClosedConnectedOrPromisedTargetAndLeavesStateIntact() {
        FakeAcceptHandles.Target closed = new FakeAcceptHandles.Target();
        closed.close();
        assertThrows(IllegalArgumentException.class, () -> accept(closed, new Overlapped()));
        FakeAcceptHandles.Target connecting = new FakeAcceptHandles.Target();
        connecting.connecting = true;
        assertThrows(IllegalArgumentException.class, () -> accept(connecting, new Overlapped()));
        assertEquals(ERROR_IO_PENDING, accept(target, new Overlapped()));
        Overlapped second = new Overlapped();
        assertThrows(IllegalArgumentException.class, () -> accept(target, second)); // WSAEINVAL
        assertFalse(second.isInFlight());
        listener.arrive("c1");
        assertEquals("c1", target.connection); // the first accept still owns it
        connecting.close();
    }

    @Test
    void acceptEx_refusesAnUnboundListenerWithoutPromisingTheTarget() {
        listener.bound = false;
        assertThrows(IllegalStateException.class, () -> accept(target, new Overlapped()));
        assertTrue(target.isFree());
        assertFalse(listener.hasPendingIo());
    }

    @Test
    void r67_anOverlappedInFlightIsRefusedAndItsTargetStaysFree() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        FakeAcceptHandles.Target other = new FakeAcceptHandles.Target();
        assertThrows(IllegalStateException.class, () -> accept(other, ov));
        assertTrue(other.isFree());
        other.close();
    }

    @Test
    void r71_aClosedListenerRefusesWithInvalidHandleAndFreesTheTarget() {
        listener.close();
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, accept(target, ov));
        assertTrue(target.isFree());
        assertFalse(ov.isInFlight());
    }

    @Test
    void r71_closingTheListenerAbortsThePendingAcceptAndFreesTheTarget() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        listener.close();
        expectPacket(ov, ERROR_OPERATION_ABORTED);
        assertTrue(target.isFree());
    }

    @Test
    void r71_closingTheTargetAbortsThePendingAccept() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        target.close();
        expectPacket(ov, ERROR_OPERATION_ABORTED);
        assertFalse(listener.hasPendingIo());
        listener.arrive("c1");
        assertEquals(List.of(), listener.discarded); // the connection waits for the next accept
        expectNoPacket();
    }

    /** The target closes while its accept is being issued, before the accept counts as pending. */
    @Test
    void r71_aTargetClosedWhileItsAcceptIsIssuedStillAbortsIt() {
        Overlapped ov = new Overlapped();
        listener.duringEmptyAttempt = target::close;
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        expectPacket(ov, ERROR_OPERATION_ABORTED);
        assertFalse(listener.hasPendingIo());
        listener.arrive("c1");
        assertEquals(List.of(), listener.discarded); // the connection waits for the next accept
        expectNoPacket();
    }

    @Test
    void r71_aConnectionMeetingATargetClosedMeanwhileIsDroppedAndTheAcceptAborted() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        target.tellsAcceptOnClose = false; // the close has not reached the accept yet
        target.close();
        listener.arrive("c1");
        assertEquals(List.of("c1"), listener.discarded);
        assertNull(target.connection);
        expectPacket(ov, ERROR_OPERATION_ABORTED);
    }

    @Test
    void r65_cancellingThePendingAcceptFreesTheTarget() {
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, accept(target, ov));
        assertEquals(ERROR_SUCCESS, listener.cancel(ov));
        expectPacket(ov, ERROR_OPERATION_ABORTED);
        assertTrue(target.isFree());
        listener.arrive("c1");
        assertNull(target.connection);
    }
}
