package org.iocp4j.conformance.io;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** Which results queue a packet (R51-R53), skip-on-success (R56-R61) and association (R9, R11). */
public abstract class IoPacketRulesSuite extends IoSuite {

    /** For subclasses. */
    protected IoPacketRulesSuite() {}

    /** Ten bytes are sent; a 4-byte read takes 4, so the other 6 are surely waiting in the socket. */
    private AsyncSocket readerWithDataWaiting(AsyncSocket[] pair) {
        Overlapped w = new Overlapped();
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), r), "nothing was sent yet");
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[10]), w));
        packetsFor(w, r);
        assertEquals(4, r.bytesTransferred());
        return pair[1];
    }

    @Test
    public void r51_aSynchronousSuccessStillQueuesItsPacket() throws Exception {
        AsyncSocket reader = readerWithDataWaiting(connectedPair(1, 2));
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_SUCCESS, reader.read(ByteBuffer.allocateDirect(16), ov));
        assertEquals(6, ov.bytesTransferred(), "the Overlapped has the result at once");
        expectPacket(ov, 0, 6);
        assertEquals(2, entry.key());
        assertNoPacket();
    }

    /**
     * An Overlapped stays in flight until its completion arrives (R67): after a write that queues a
     * packet (done at once or pending), reusing it before that packet is dequeued is refused and
     * changes nothing; once the packet is dequeued it is free.
     */
    @Test
    public void r67_anOverlappedIsInFlightUntilItsPacketIsDequeued() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        assertQueuesAPacket(pair[0].write(ByteBuffer.wrap(new byte[3]), w));
        assertTrue(w.isInFlight(), "its packet is not dequeued yet");
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> pair[0].write(ByteBuffer.wrap(new byte[4]), w));
        assertTrue(x.getMessage().contains("in flight"), x.getMessage());
        expectPacket(w, 0, 3);
        assertNoPacket();
        assertFalse(w.isInFlight(), "free once its packet is dequeued");
        Overlapped r = new Overlapped();
        assertQueuesAPacket(pair[1].read(ByteBuffer.allocateDirect(16), r));
        expectPacket(r, 0, 3); // only the first write was sent
        assertQueuesAPacket(pair[0].write(ByteBuffer.wrap(new byte[5]), w)); // reused
        expectPacket(w, 0, 5);
    }

    @Test
    public void r52_aSynchronousFailureQueuesNothing() throws Exception {
        AsyncSocket unconnected = socket();
        unconnected.associate(port, 1);
        Overlapped ov = new Overlapped();
        assertEquals(Win32Error.WSAENOTCONN, unconnected.read(ByteBuffer.allocateDirect(4), ov));
        assertEquals(Win32Error.WSAENOTCONN, unconnected.write(ByteBuffer.allocateDirect(4), ov));
        assertFalse(ov.isInFlight(), "free again at once");
        assertEquals(Win32Error.WSAENOTCONN, ov.error());
        assertNoPacket();
    }

    @Test
    public void r53_aPendingOperationQueuesExactlyOnePacket() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(64), r));
        assertTrue(r.isInFlight());
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[3]), w));
        assertEquals(3, packetsFor(w, r).get(r).bytes());
        assertFalse(r.isInFlight());
        assertNoPacket();
    }

    @Test
    public void r56_skipOnSuccessQueuesNoPacketForASynchronousSuccess() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        assertEquals(5, w.bytesTransferred(), "the result is in the Overlapped");
        assertNoPacket();
    }

    @Test
    public void r57_skipOnSuccessStillQueuesPendingCompletions() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[1].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), w));
        assertEquals(2, packetsFor(w, r).get(r).bytes());
    }

    /** R57's other half: in skip mode a pending operation that fails still queues its packet. */
    @Test
    public void r57_skipOnSuccessStillQueuesThePacketOfAPendingOperationThatFails() throws Exception {
        InetSocketAddress nobody = refusedAddress();
        AsyncSocket c = socket();
        c.associate(port, 4);
        c.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped ov = new Overlapped();
        int r = c.connect(nobody, ov);
        if (r == ERROR_IO_PENDING) { // Linux, the simulator and Windows: the refusal comes later
            expectPacket(ov, Win32Error.ERROR_CONNECTION_REFUSED, 0);
            assertEquals(4, entry.key());
        } else { // a kernel may refuse inside connect(): a synchronous failure, no packet (R58)
            assertEquals(Win32Error.describe(Win32Error.ERROR_CONNECTION_REFUSED), Win32Error.describe(r));
        }
        assertNoPacket();
    }

    @Test
    public void r58_skipOnSuccessAndASynchronousFailureQueueNothing() throws Exception {
        AsyncSocket s = socket();
        s.associate(port, 1);
        s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        assertEquals(Win32Error.WSAENOTCONN, s.write(ByteBuffer.allocate(1), new Overlapped()));
        assertNoPacket();
    }

    @Test
    public void r59_modesAreStickyAndCumulative_r60_unknownBitsAreIgnored() throws Exception {
        AsyncSocket s = socket();
        s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        s.setCompletionNotificationModes(0);
        s.setCompletionNotificationModes(IoHandle.SKIP_SET_EVENT_ON_HANDLE | 0x40);
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                s.completionNotificationModes());
    }

    @Test
    public void r61_modesSetBeforeAssociationApply() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 5);
        AsyncSocket client = socket();
        client.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        client.associate(port, 1);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        int a = l.accept(socket(), acc);
        int c = client.connect(l.localAddress(), con);
        expectIssued(a);
        if (c == ERROR_IO_PENDING) {
            packetsFor(acc, con); // R57: pending still posts
        } else {
            assertEquals(ERROR_SUCCESS, c);
            packetsFor(acc); // R56: the connect's synchronous success posted nothing
        }
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, client.write(ByteBuffer.wrap(new byte[1]), w));
        assertNoPacket();
    }

    @Test
    public void r9_aSecondAssociationFailsAndTheFirstStays() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        CompletionPort other = openPort(1);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> pair[0].associate(other, 9));
        assertTrue(x.getMessage().contains("ERROR_INVALID_PARAMETER"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> pair[0].associate(port, 9), "even with the same port");
        Overlapped w = new Overlapped();
        settle(pair[0].write(ByteBuffer.wrap(new byte[1]), w), w);
        assertEquals(1, entry.key(), "still the first key, on the first port");
        assertNoPacket(other);
    }

    @Test
    public void r11_associatingAfterAnOperationIsPendingStillDeliversIt() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 7);
        AsyncSocket late = socket(); // accepted, read from, and only then associated
        AsyncSocket dialer = socket();
        dialer.associate(port, 8);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        expectIssued(l.accept(late, acc));
        expectIssued(dialer.connect(l.localAddress(), con));
        packetsFor(acc, con);

        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, late.read(ByteBuffer.allocateDirect(8), r), "pending, with no port yet");
        late.associate(port, 77);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, dialer.write(ByteBuffer.wrap(new byte[4]), w));
        Packet p = packetsFor(w, r).get(r);
        assertEquals(77, p.key(), "delivered with the key given after it was issued");
        assertEquals(4, p.bytes());
    }
}
