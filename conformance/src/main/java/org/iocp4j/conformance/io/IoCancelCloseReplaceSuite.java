package org.iocp4j.conformance.io;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** Cancel (R64-R69), close with I/O pending (R71-R73) and port replacement (R74, R75). */
public abstract class IoCancelCloseReplaceSuite extends IoSuite {

    /** For subclasses. */
    protected IoCancelCloseReplaceSuite() {}

    @Test
    public void r64_r65_cancelCompletesOnlyTheNamedOperationWithOperationAborted() throws Exception {
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

        // the cancelled read took nothing: the next read gets the bytes
        Overlapped w = new Overlapped();
        Overlapped r2 = new Overlapped();
        ByteBuffer in = ByteBuffer.allocateDirect(8);
        assertEquals(ERROR_IO_PENDING, pair[1].read(in, r2));
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[] {42}), w));
        assertEquals(1, packetsFor(w, r2).get(r2).bytes());
        assertEquals(42, in.get(0));
        l.cancel(acc);
        expectPacket(acc, ERROR_OPERATION_ABORTED, 0);
    }

    @Test
    public void r64_cancelAllCancelsEveryPendingOperationOfTheHandle() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        Overlapped a1 = new Overlapped();
        Overlapped a2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a1));
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a2));
        assertEquals(ERROR_SUCCESS, l.cancelAll());
        // One aborted packet each; Windows does not promise their order (R64), so none is expected.
        Map<Overlapped, Packet> got = packetsFor(a1, a2);
        for (Packet p : got.values()) {
            assertEquals(Win32Error.describe(ERROR_OPERATION_ABORTED), Win32Error.describe(p.error()));
            assertEquals(0, p.bytes());
            assertEquals(3, p.key());
        }
        assertNoPacket();
    }

    @Test
    public void r67_reusingAnOverlappedStillInFlightIsRefused() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> pair[0].write(ByteBuffer.wrap(new byte[1]), r));
        assertTrue(x.getMessage().contains("in flight"), x.getMessage());
        assertNoPacket(); // the refused write did nothing
        pair[1].cancel(r);
        expectPacket(r, ERROR_OPERATION_ABORTED, 0);
    }

    @Test
    public void r68_cancelWithNothingPendingIsNotFound() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        assertEquals(ERROR_NOT_FOUND, pair[0].cancel(new Overlapped()));
        assertEquals(ERROR_NOT_FOUND, pair[0].cancelAll());
        assertNoPacket();
    }

    @Test
    public void r69_anOperationThatCompletedAtOnceCannotBeCancelled() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[3]), w));
        assertEquals(ERROR_NOT_FOUND, pair[0].cancel(w));
        expectPacket(w, 0, 3); // its one packet, not an aborted one
        assertNoPacket();
    }

    @Test
    public void r71_closingASocketCompletesItsPendingReadWithConnectionAborted() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        pair[1].close();
        expectPacket(r, ERROR_CONNECTION_ABORTED, 0);
        assertNoPacket();
        assertEquals(ERROR_INVALID_HANDLE, pair[1].read(ByteBuffer.allocateDirect(8), new Overlapped()));
        // the connection really closed: the peer reads end of stream
        Overlapped peer = new Overlapped();
        settle(pair[0].read(ByteBuffer.allocateDirect(8), peer), peer);
        assertEquals(0, entry.bytes());
    }

    /** A write waiting for room (the peer reads nothing) completes with its close error too. */
    @Test
    public void r71_closingASocketCompletesItsPendingWriteWithConnectionAborted() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS); // no packet per full write
        ByteBuffer big = ByteBuffer.allocateDirect(1 << 20);
        Overlapped w = null;
        for (int i = 0; i < 512 && w == null; i++) { // until the socket buffers are full
            Overlapped ov = new Overlapped();
            big.clear();
            int r = pair[0].write(big, ov);
            if (r == ERROR_IO_PENDING) {
                w = ov;
            } else {
                assertEquals(ERROR_SUCCESS, r);
            }
        }
        assertTrue(w != null, "512 MiB written without a write pending: the peer's buffers never filled");
        pair[0].close();
        expectPacket(w, ERROR_CONNECTION_ABORTED, 0);
        assertNoPacket();
    }

    /**
     * An operation outlives the thread that issued it (R70, Vista and later): the read's packet
     * comes after that thread has ended.
     */
    @Test
    public void r70_aReadIssuedByAThreadThatEndedStillCompletes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        Thread issuer = start("issuer", () -> assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r)));
        join(issuer);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        Packet p = packetsFor(w, r).get(r);
        assertEquals(0, p.error(), "not cancelled by its thread's end (R70)");
        assertEquals(5, p.bytes());
    }

    @Test
    public void r71_closingAListenerCompletesItsPendingAcceptWithOperationAborted() throws Exception {
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
    public void r71_closingTheAcceptTargetAbortsTheAccept() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc));
        target.close();
        expectPacket(acc, ERROR_OPERATION_ABORTED, 0);
        assertEquals(3, entry.key(), "the accept belongs to the listening socket");
        // the listener still works
        AsyncSocket next = socket();
        AsyncSocket client = socket();
        client.associate(port, 4);
        Overlapped acc2 = new Overlapped();
        Overlapped con = new Overlapped();
        expectIssued(l.accept(next, acc2));
        expectIssued(client.connect(l.localAddress(), con));
        assertEquals(0, packetsFor(acc2, con).get(acc2).error());
        assertEquals(client.localAddress(), next.remoteAddress());
    }

    @Test
    public void r71_closingAConnectingSocketAbortsTheConnect() throws Exception {
        AsyncServerSocket l = listener();
        AsyncSocket client = socket();
        client.associate(port, 4);
        Overlapped con = new Overlapped();
        int c = client.connect(l.localAddress(), con);
        expectIssued(c);
        client.close();
        CompletionEntry e = next();
        assertEquals(con, e.overlapped());
        assertTrue(e.error() == 0 || e.error() == ERROR_OPERATION_ABORTED,
                () -> "a connect completes or is aborted by the close (R66, R71): " + e.error());
        assertNoPacket();
    }

    /**
     * A cancelled connect (R65) leaves the socket free to connect again (docs/io.md): the next
     * connect starts and completes. The first connect goes to a listener whose accept queue is
     * full, where Linux drops the SYN, so it stays pending until the cancel. (Windows and the
     * simulator refuse a connection beyond a full queue instead, a round trip later.)
     */
    @Test
    public void r65_aSocketWhoseConnectWasCancelledConnectsAgain() throws Exception {
        AsyncServerSocket full = fullListener();
        Overlapped first = new Overlapped();
        AsyncSocket client = connecting(full, first);
        client.cancel(first);
        CompletionEntry e = next();
        assertEquals(first, e.overlapped());
        if (e.error() == 0) { // a skip only for a connect that really completed, never for a cancel that lied
            assertNotNull(client.remoteAddress(), "a connect whose packet says success is connected");
            assumeTrue(false, "the connect completed before the cancel (R66): this backend queued a third "
                    + "connection on a backlog of 1");
        }
        assertEquals(Win32Error.describe(ERROR_OPERATION_ABORTED), Win32Error.describe(e.error()));
        AsyncServerSocket l = listener();
        Overlapped again = new Overlapped();
        expectIssued(client.connect(l.localAddress(), again));
        CompletionEntry done = next();
        assertEquals(again, done.overlapped());
        assertEquals(0, done.error(), () -> Win32Error.describe(done.error()));
        assertEquals(l.localAddress().getPort(), client.remoteAddress().getPort());
        assertNoPacket();
    }

    /**
     * A listening socket whose accept queue is full: Linux drops a further SYN, so a connect to it
     * stays pending (Windows and the simulator refuse it, a round trip later).
     */
    private AsyncServerSocket fullListener() throws Exception {
        AsyncServerSocket full = closeLater(io.openServerSocket());
        full.bind(new InetSocketAddress(address(), 0), 1);
        for (int i = 0; i < 2; i++) { // Linux queues two connections on a backlog of 1, others one
            AsyncSocket filler = socket();
            filler.associate(port, 9);
            Overlapped f = new Overlapped();
            expectIssued(filler.connect(full.localAddress(), f));
            CompletionEntry e = next();
            assertEquals(f, e.overlapped());
            if (e.error() == Win32Error.ERROR_CONNECTION_REFUSED) {
                break; // the queue is full
            }
            assertEquals(0, e.error(), () -> Win32Error.describe(e.error()));
        }
        return full;
    }

    /** A fresh socket with key 4 connecting to {@code to} with {@code ov}. */
    private AsyncSocket connecting(AsyncServerSocket to, Overlapped ov) throws Exception {
        AsyncSocket client = socket();
        client.associate(port, 4);
        expectIssued(client.connect(to.localAddress(), ov));
        return client;
    }

    /**
     * While a connect is pending, a read or a write fails at once with WSAENOTCONN and queues
     * nothing (R52), as Windows does; the connect is not disturbed.
     */
    @Test
    public void r52_aReadOrWriteWhileAConnectIsPendingFailsAtOnce() throws Exception {
        AsyncServerSocket full = fullListener();
        Overlapped con = new Overlapped();
        AsyncSocket client = connecting(full, con);
        Overlapped r = new Overlapped();
        Overlapped w = new Overlapped();
        int read = client.read(ByteBuffer.allocateDirect(8), r);
        int write = client.write(ByteBuffer.wrap(new byte[8]), w);
        assumeTrue(con.isInFlight(), "the connect completed at once: nothing was pending");
        assertEquals(Win32Error.describe(Win32Error.WSAENOTCONN), Win32Error.describe(read));
        assertEquals(Win32Error.describe(Win32Error.WSAENOTCONN), Win32Error.describe(write));
        assertFalse(r.isInFlight());
        assertFalse(w.isInFlight());
        client.cancel(con);
        CompletionEntry e = next();
        assertEquals(con, e.overlapped(), "the only packet is the connect's");
        assertNoPacket();
    }

    /** A second connect on a socket whose first is pending is refused and changes nothing. */
    @Test
    public void aSecondConnectIsRefusedAndLeavesThePendingOneIntact() throws Exception {
        AsyncServerSocket full = fullListener();
        Overlapped first = new Overlapped();
        AsyncSocket client = connecting(full, first);
        assumeTrue(first.isInFlight(), "the connect completed at once: nothing was pending");
        assertThrows(IllegalStateException.class, () -> client.connect(full.localAddress(), new Overlapped()));
        assertTrue(first.isInFlight(), "the first connect still waits");
        assertTrue(client.localAddress() != null, "its socket is still there");
        client.cancel(first);
        CompletionEntry e = next();
        assertEquals(first, e.overlapped());
        assertEquals(Win32Error.describe(ERROR_OPERATION_ABORTED), Win32Error.describe(e.error()));
        assertNoPacket();
    }

    @Test
    public void r64_cancellingOneOverlappedLeavesTheHandlesOtherOperations() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        Overlapped a1 = new Overlapped();
        Overlapped a2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a1));
        assertEquals(ERROR_IO_PENDING, l.accept(socket(), a2));
        assertEquals(ERROR_SUCCESS, l.cancel(a1));
        expectPacket(a1, ERROR_OPERATION_ABORTED, 0);
        assertTrue(a2.isInFlight(), "the same handle's other operation is untouched (CancelIoEx(h, ovl), not CancelIo)");
        assertNoPacket();
        assertEquals(ERROR_SUCCESS, l.cancel(a2));
        expectPacket(a2, ERROR_OPERATION_ABORTED, 0);
    }

    /**
     * A connect still pending at the close is aborted (R71). Its listener's accept queue is full,
     * so the connect stays pending on Linux; a backend that refuses beyond a full queue does so
     * a round trip later, after this close.
     */
    @Test
    public void r71_closingASocketWhoseConnectIsPendingAbortsIt() throws Exception {
        AsyncServerSocket full = fullListener();
        Overlapped con = new Overlapped();
        AsyncSocket client = connecting(full, con);
        assertEquals(0, port.stats().queuedPackets(), "the connect is still pending");
        client.close();
        expectPacket(con, ERROR_OPERATION_ABORTED, 0);
        assertNoPacket();
    }

    @Test
    public void r73_closingWithNothingPendingQueuesNothing() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].close();
        pair[0].close(); // idempotent
        assertTrue(pair[0].isClosed());
        assertNoPacket();
    }

    @Test
    public void r74_replacingThePortMovesLaterCompletionsAndClearsTheModes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        CompletionPort other = openPort(1);
        pair[0].replacePort(other, 11);
        assertEquals(0, pair[0].completionNotificationModes(), "R75: replacing clears the skip modes");
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), w));
        next(other);
        assertEquals(11, entry.key());
        assertEquals(w, entry.overlapped());
        assertNoPacket();
    }

    @Test
    public void r74_replacingWithNoPortRemovesTheAssociation() throws Exception {
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
    public void r75_replacingFailsWithoutAnAssociationOrWhileIoIsPending() throws Exception {
        AsyncSocket lone = socket();
        assertThrows(IllegalStateException.class, () -> lone.replacePort(port, 1));
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), r));
        CompletionPort other = openPort(1);
        assertThrows(IllegalStateException.class, () -> pair[1].replacePort(other, 9));
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[1]), w));
        assertEquals(2, packetsFor(w, r).get(r).key(), "the pending read still completes to the first port");
        assertNoPacket(other);
    }

    @Test
    public void replacingThePortOfAClosedHandleIsRefusedAndQueuesNothing() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].close();
        CompletionPort other = openPort(1);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> pair[0].replacePort(other, 9));
        assertTrue(x.getMessage().contains("closed"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> pair[0].replacePort(null, 0));
        assertNoPacket();
        assertNoPacket(other);
    }

    @Test
    public void r66_aCancelRacingWithArrivingDataLosesNoByte() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer in = ByteBuffer.allocateDirect(1);
        int received = 0;
        int aborted = 0;
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            Overlapped r = new Overlapped();
            Overlapped w = new Overlapped();
            in.clear();
            assertEquals(ERROR_IO_PENDING, pair[1].read(in, r));
            Thread writer = start("writer-" + i, () -> pair[0].write(ByteBuffer.wrap(new byte[] {1}), w));
            int c = pair[1].cancel(r); // races with the byte's arrival
            join(writer);
            Packet p = packetsFor(r, w).get(r);
            if (p.error() == 0) {
                assertEquals(ERROR_NOT_FOUND, c, "the read completed first: nothing left to cancel");
                received += p.bytes();
            } else {
                assertEquals(ERROR_OPERATION_ABORTED, p.error());
                assertEquals(ERROR_SUCCESS, c);
                aborted++;
                in.clear();
                Overlapped again = new Overlapped();
                settle(pair[1].read(in, again), again); // the byte waits in the socket
                received += entry.bytes();
            }
        }
        assertTrue(aborted > 0, "in " + rounds + " rounds no cancel found its read pending: cancel does nothing?");
        assertEquals(rounds, received, "every byte arrived exactly once (" + aborted + " reads were cancelled)");
        assertNoPacket();
    }
}
