package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** CancelIoEx (R64-R69), closing with I/O pending (R71-R73) and FileReplaceCompletionInformation (R74, R75). */
class WindowsCancelCloseReplaceTest extends IoTestSupport {
    static final String WINE_HAS_NO_REPLACE = "Wine has no FileReplaceCompletionInformation (spec 1.15): "
            + "NtSetInformationFile answers STATUS_NOT_IMPLEMENTED";

    @Test
    void r64_r65_cancelCompletesOnlyTheNamedOperationWithOperationAborted() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), acc));

        assertEquals(ERROR_SUCCESS, pair[1].cancel(r));
        expectPacket(r, ERROR_OPERATION_ABORTED, 0);
        assertEquals(2, entry.key());
        assertTrue(acc.isInFlight(), "another handle's operation is untouched");
        assertNoPacket();

        Overlapped w = new Overlapped();
        Overlapped r2 = new Overlapped();
        ByteBuffer in = ByteBuffer.allocateDirect(8);
        assertEquals(ERROR_IO_PENDING, pair[1].read(in, r2), "the cancelled read took nothing");
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[] {42}), w));
        assertEquals(1, packetsFor(w, r2).get(r2).bytes());
        assertEquals(42, in.get(0));
    }

    @Test
    void r64_cancelAllCancelsEveryPendingOperationOfTheHandle() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        Overlapped a1 = new Overlapped();
        Overlapped a2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a1));
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a2));
        assertEquals(ERROR_SUCCESS, l.cancelAll());
        var done = packetsFor(a1, a2);
        assertEquals(ERROR_OPERATION_ABORTED, done.get(a1).error());
        assertEquals(ERROR_OPERATION_ABORTED, done.get(a2).error());
        assertNoPacket();
    }

    @Test
    void r67_reusingAnOverlappedStillInFlightIsRefused() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> pair[0].write(ByteBuffer.wrap(new byte[1]), r));
        assertTrue(x.getMessage().contains("in flight"), x.getMessage());
        assertEquals(1, ((WindowsHandle) pair[1]).liveOperations(), "the refused write allocated nothing");
        assertEquals(0, ((WindowsHandle) pair[0]).liveOperations());
        assertNoPacket();
        pair[1].cancel(r);
        expectPacket(r, ERROR_OPERATION_ABORTED, 0);
    }

    @Test
    void r68_cancelWithNothingPendingIsNotFound() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        assertEquals(ERROR_NOT_FOUND, pair[0].cancel(new Overlapped()));
        assertEquals(ERROR_NOT_FOUND, pair[0].cancelAll());
        assertNoPacket();
    }

    @Test
    void r68_cancelIoExOnTheKernelHandleWithNothingPendingIsNotFound() throws Exception {
        OnWindows.assumeNotWine("Wine's CancelIoEx(h, NULL) returns TRUE with nothing pending; Windows returns FALSE "
                + "with ERROR_NOT_FOUND (R68)");
        AsyncSocket[] pair = connectedPair(1, 2);
        long h;
        synchronized (((WindowsHandle) pair[0]).lock) {
            h = ((WindowsHandle) pair[0]).nativeHandle();
        }
        assertEquals(0, Kernel32.CancelIoEx(h, 0));
        assertEquals(ERROR_NOT_FOUND, Kernel32.lastError());
    }

    @Test
    void r69_anOperationThatCompletedAtOnceCannotBeCancelled() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[3]), w));
        assertEquals(ERROR_NOT_FOUND, pair[0].cancel(w));
        assertEquals(ERROR_NOT_FOUND, pair[0].cancelAll());
        expectPacket(w, 0, 3); // its one packet, not an aborted one
        assertNoPacket();
    }

    @Test
    void r66_aCancelRacingWithArrivingDataLosesNoByte() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer in = ByteBuffer.allocateDirect(1);
        int received = 0;
        int rounds = 60;
        for (int i = 0; i < rounds; i++) {
            Overlapped r = new Overlapped();
            Overlapped w = new Overlapped();
            in.clear();
            assertEquals(ERROR_IO_PENDING, pair[1].read(in, r));
            Thread writer = new Thread(() -> pair[0].write(ByteBuffer.wrap(new byte[] {1}), w));
            writer.start();
            int c = pair[1].cancel(r); // races with the byte's arrival
            writer.join(PATIENCE_SECONDS * 1000);
            Packet p = packetsFor(r, w).get(r);
            assertTrue(c == ERROR_SUCCESS || c == ERROR_NOT_FOUND, Win32Error.describe(c));
            if (p.error() == 0) {
                received += p.bytes(); // completed first (cancel NOT_FOUND), or despite the request (R66)
            } else {
                assertEquals(ERROR_OPERATION_ABORTED, p.error());
                assertEquals(ERROR_SUCCESS, c, "only a cancel that found it aborts it");
                in.clear();
                Overlapped again = new Overlapped();
                settle(pair[1].read(in, again), again); // the byte waits in the socket
                received += entry.bytes();
            }
        }
        assertEquals(rounds, received, "every byte arrived exactly once");
        assertNoPacket();
    }

    @Test
    void r71_closingASocketWithAReadPendingQueuesExactlyOnePacketForIt() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        pair[1].close();
        CompletionEntryCopy e = CompletionEntryCopy.of(next());
        assertEquals(r, e.overlapped(), "the packet maps back to the read's Overlapped after the close");
        assertTrue(e.error() != 0, "a failed read");
        assertEquals(0, e.bytes());
        assertFalse(r.isInFlight());
        assertNoPacket();
        assertEquals(ERROR_INVALID_HANDLE, pair[1].read(ByteBuffer.allocateDirect(8), new Overlapped()));
        Overlapped peer = new Overlapped();
        settle(pair[0].read(ByteBuffer.allocateDirect(8), peer), peer);
        assertEquals(0, entry.bytes(), "the peer reads end of stream: the socket really closed");
    }

    @Test
    void r71_closingASocketCompletesItsPendingReadWithConnectionAborted() throws Exception {
        OnWindows.assumeNotWine("Wine completes it with STATUS_HANDLES_CLOSED (676); Windows with "
                + "STATUS_CONNECTION_ABORTED, ERROR_CONNECTION_ABORTED (1236, R71)");
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        pair[1].close();
        expectPacket(r, ERROR_CONNECTION_ABORTED, 0);
    }

    @Test
    void r71_closingAListenerCompletesItsPendingAcceptWithOperationAborted() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc));
        l.close();
        expectPacket(acc, ERROR_OPERATION_ABORTED, 0);
        assertNull(target.remoteAddress());
        AsyncServerSocket l2 = listener();
        l2.associate(port, 4);
        Overlapped again = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l2.accept(target, again), "the target is free again");
        l2.cancel(again);
        expectPacket(again, ERROR_OPERATION_ABORTED, 0);
    }

    @Test
    void r71_closingTheAcceptTargetAbortsTheAccept() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc));
        target.close();
        CompletionEntryCopy e = CompletionEntryCopy.of(next());
        assertEquals(acc, e.overlapped());
        assertTrue(e.error() == ERROR_OPERATION_ABORTED || e.error() == ERROR_CONNECTION_ABORTED,
                "R71 allows either: " + Win32Error.describe(e.error()));
        assertEquals(3, e.key(), "the accept belongs to the listening socket");
        AsyncSocket next = socket();
        Overlapped acc2 = new Overlapped();
        int a = l.accept(next, acc2);
        try (java.net.Socket peer = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            if (a == ERROR_IO_PENDING) {
                expectPacket(acc2, 0, 0);
            }
            assertEquals(peer.getLocalPort(), next.remoteAddress().getPort(), "the listener still works");
        }
    }

    @Test
    void r73_closingWithNothingPendingQueuesNothing() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].close();
        pair[0].close(); // idempotent
        assertTrue(pair[0].isClosed());
        assertNoPacket();
    }

    @Test
    void closingTheSocketClosesTheConnectionForAJdkPeer() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 1);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        int a = l.accept(target, acc);
        try (java.net.Socket peer = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            if (a == ERROR_IO_PENDING) {
                expectPacket(acc, 0, 0);
            }
            target.close();
            peer.setSoTimeout((int) PATIENCE_SECONDS * 1000);
            InputStream in = peer.getInputStream();
            assertEquals(-1, in.read(), "the peer sees the close");
        }
    }

    @Test
    void r74_replacingThePortMovesLaterCompletionsAndClearsTheModes() throws Exception {
        OnWindows.assumeNotWine(WINE_HAS_NO_REPLACE);
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        try (CompletionPort other = OnWindows.open(1)) {
            pair[0].replacePort(other, 11);
            assertEquals(0, pair[0].completionNotificationModes() & IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS,
                    "R75: replacing clears the skip mode");
            Overlapped w = new Overlapped();
            assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), w));
            next(other);
            assertEquals(11, entry.key());
            assertEquals(w, entry.overlapped());
            assertNoPacket();
        }
    }

    @Test
    void r74_replacingWithNoPortRemovesTheAssociation() throws Exception {
        OnWindows.assumeNotWine(WINE_HAS_NO_REPLACE);
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].replacePort(null, 0);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), w));
        assertFalse(w.isInFlight());
        assertEquals(2, w.bytesTransferred(), "the caller learns the result from the Overlapped");
        assertNoPacket();
        pair[0].associate(port, 5); // free to associate again
    }

    @Test
    void r74_underWineReplacingFailsWithTheKernelsErrorAndChangesNothing() throws Exception {
        assumeTrue(WindowsPortProvider.isWine(), "pins Wine's refusal; Windows 8.1 and later replace (R74)");
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        try (CompletionPort other = OnWindows.open(1)) {
            WindowsPortException x = assertThrows(WindowsPortException.class, () -> pair[0].replacePort(other, 11));
            assertTrue(x.getMessage().startsWith("NtSetInformationFile(FileReplaceCompletionInformation) failed: "
                    + "ERROR_INVALID_FUNCTION (1); NTSTATUS 0xc0000002"), x.getMessage());
            assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS, pair[0].completionNotificationModes());
            Overlapped w = new Overlapped();
            assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), w));
            assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), new Overlapped()));
            expectPacket(w, 0, 2);
            assertEquals(2, entry.key(), "still the first port and key");
            assertNoPacket(other);
        }
    }

    @Test
    void r75_replacingFailsWithoutAnAssociationOrWhileIoIsPending() throws Exception {
        AsyncSocket lone = socket();
        assertThrows(IllegalStateException.class, () -> lone.replacePort(port, 1));
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), r));
        try (CompletionPort other = OnWindows.open(1)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> pair[1].replacePort(other, 9));
            assertTrue(x.getMessage().contains("R75"), x.getMessage());
            Overlapped w = new Overlapped();
            assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[1]), w));
            assertEquals(2, packetsFor(w, r).get(r).key(), "the pending read still completes to the first port");
            assertNoPacket(other);
        }
    }

    @Test
    void r70_aReadIssuedByAThreadThatExitedStillCompletes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        int[] issued = new int[1];
        Thread t = new Thread(() -> issued[0] = pair[1].read(ByteBuffer.allocateDirect(8), r));
        t.start();
        t.join(PATIENCE_SECONDS * 1000);
        assertEquals(ERROR_IO_PENDING, issued[0]);
        assertFalse(t.isAlive());
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        Packet p = packetsFor(w, r).get(r);
        assertEquals(0, p.error(), "not cancelled by the thread's exit (Vista and later, R70)");
        assertEquals(5, p.bytes());
    }

    /** A copy of the last entry, since {@link #next()} reuses it. */
    record CompletionEntryCopy(long key, int bytes, Object overlapped, int error) {
        static CompletionEntryCopy of(org.iocp4j.CompletionEntry e) {
            return new CompletionEntryCopy(e.key(), e.bytes(), e.overlapped(), e.error());
        }
    }
}
