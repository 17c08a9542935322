package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** Which results queue a packet (R51-R53), skip-on-success (R56-R61) and association (R9, R11), on the kernel's sockets. */
class WindowsPacketRulesTest extends IoTestSupport {

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
    void r51_aSynchronousSuccessStillQueuesItsPacket() throws Exception {
        AsyncSocket reader = readerWithDataWaiting(connectedPair(1, 2));
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_SUCCESS, reader.read(ByteBuffer.allocateDirect(16), ov));
        assertFalse(ov.isInFlight(), "free again when the call returns");
        assertEquals(6, ov.bytesTransferred(), "the Overlapped has the result at once");
        expectPacket(ov, 0, 6);
        assertEquals(2, entry.key());
        assertNoPacket();
    }

    @Test
    void r52_aSynchronousFailureQueuesNothing() throws Exception {
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
    void r53_aPendingOperationQueuesExactlyOnePacket() throws Exception {
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
    void r56_skipOnSuccessQueuesNoPacketForASynchronousSuccess() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        assertEquals(5, w.bytesTransferred(), "the result is in the Overlapped");
        assertNoPacket();
        assertEquals(0, ((WindowsHandle) pair[0]).liveOperations(), "no block waits for a packet that never comes");
    }

    @Test
    void r57_skipOnSuccessStillQueuesPendingCompletions() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[1].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), w));
        assertEquals(2, packetsFor(w, r).get(r).bytes());
    }

    @Test
    void r58_skipOnSuccessAndASynchronousFailureQueueNothing() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        pair[0].shutdownOutput();
        Overlapped w = new Overlapped();
        assertEquals(Win32Error.WSAESHUTDOWN, pair[0].write(ByteBuffer.allocate(1), w));
        assertFalse(w.isInFlight());
        assertNoPacket();
    }

    @Test
    void r59_modesAreStickyAndCumulative_r60_unknownBitsAreIgnored() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        AsyncSocket s = pair[0];
        s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        s.setCompletionNotificationModes(0);
        s.setCompletionNotificationModes(IoHandle.SKIP_SET_EVENT_ON_HANDLE | 0x40);
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                s.completionNotificationModes());
        long h;
        synchronized (((WindowsHandle) s).lock) {
            h = ((WindowsHandle) s).nativeHandle();
        }
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                ReplaceCompletion.queryModes(h), "the kernel holds the same modes (FileIoCompletionNotificationInformation)");
    }

    @Test
    void r61_modesSetBeforeTheSocketExistsApplyToIt() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 5);
        AsyncSocket client = socket(); // no kernel socket until connect
        client.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        client.associate(port, 1);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        int a = l.accept(socket(), acc);
        int c = client.connect(l.localAddress(), con);
        requireStarted(a);
        if (c == ERROR_IO_PENDING) {
            packetsFor(acc, con); // R57: pending still posts
        } else {
            assertEquals(ERROR_SUCCESS, c);
            packetsFor(acc); // R56
        }
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, client.write(ByteBuffer.wrap(new byte[1]), w));
        assertNoPacket();
    }

    @Test
    void r9_aSecondAssociationFailsWithTheKernelsErrorAndTheFirstStays() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        try (CompletionPort other = OnWindows.open(1)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> pair[0].associate(other, 9));
            assertTrue(x instanceof WindowsPortException, "the kernel refused it: " + x);
            assertEquals(Win32Error.ERROR_INVALID_PARAMETER, ((WindowsPortException) x).win32Error());
            assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_PARAMETER (87)"),
                    x.getMessage());
            assertThrows(IllegalStateException.class, () -> pair[0].associate(port, 9), "even with the same port");
            Overlapped w = new Overlapped();
            settle(pair[0].write(ByteBuffer.wrap(new byte[1]), w), w);
            assertEquals(1, entry.key(), "still the first key, on the first port");
            assertNoPacket(other);
        }
    }

    @Test
    void r9_aSecondAssociationBeforeTheSocketExistsFailsToo() throws Exception {
        AsyncSocket lazy = socket();
        lazy.associate(port, 1);
        try (CompletionPort other = OnWindows.open(1)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> lazy.associate(other, 9));
            assertTrue(x.getMessage().contains("ERROR_INVALID_PARAMETER (87)"), x.getMessage());
        }
    }

    @Test
    void r11_associatingAfterAnOperationIsPendingStillDeliversIt() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 7);
        AsyncSocket late = socket(); // accepted, read from, and only then associated
        AsyncSocket dialer = socket();
        dialer.associate(port, 8);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        requireStarted(l.accept(late, acc));
        requireStarted(dialer.connect(l.localAddress(), con));
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

    @Test
    void withoutAPortAPendingReadIsFinishedByTheHandlesNextCall() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 7);
        AsyncSocket portless = socket();
        AsyncSocket dialer = socket();
        dialer.associate(port, 8);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        requireStarted(l.accept(portless, acc));
        requireStarted(dialer.connect(l.localAddress(), con));
        packetsFor(acc, con);

        ByteBuffer in = ByteBuffer.allocate(8);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, portless.read(in, r));
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, dialer.write(ByteBuffer.wrap(new byte[] {4, 5}), w));
        packetsFor(w);
        // no packet can come; a later call on the handle finds the kernel done and finishes the read
        OnWindows.awaitUntil("the read is finished", () -> portless.cancelAll() == Win32Error.ERROR_NOT_FOUND
                && !r.isInFlight());
        assertEquals(2, r.bytesTransferred());
        assertEquals(0, r.error());
        assertEquals(2, in.position(), "the heap copy landed in the caller's buffer");
        assertNoPacket();
    }
}
