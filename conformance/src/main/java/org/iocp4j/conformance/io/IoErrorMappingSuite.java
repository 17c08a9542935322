package org.iocp4j.conformance.io;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_REFUSED;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NETNAME_DELETED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** What the network says, in Windows' words: end of stream, refusal, reset, our own shutdown. */
public abstract class IoErrorMappingSuite extends IoSuite {

    /** For subclasses. */
    protected IoErrorMappingSuite() {}

    @Test
    public void endOfStreamIsSuccessWithZeroBytes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        pair[0].shutdownOutput(); // FIN
        expectPacket(r, 0, 0);
        Overlapped again = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[1].read(ByteBuffer.allocate(8), again), "at end of stream a read succeeds at once");
        expectPacket(again, 0, 0);
    }

    @Test
    public void bytesSentBeforeTheFinArriveBeforeTheEnd() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        settle(pair[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}), w), w);
        pair[0].shutdownOutput();
        int got = 0;
        ByteBuffer in = ByteBuffer.allocate(8);
        while (true) {
            Overlapped r = new Overlapped();
            settle(pair[1].read(in, r), r);
            if (entry.bytes() == 0) {
                break;
            }
            got += entry.bytes();
        }
        assertEquals(3, got, "every byte, then the end");
    }

    @Test
    public void aRefusedConnectFailsWithConnectionRefused() throws Exception {
        InetSocketAddress nobody = refusedAddress();
        AsyncSocket c = socket();
        c.associate(port, 4);
        Overlapped ov = new Overlapped();
        int r = c.connect(nobody, ov);
        if (r == ERROR_IO_PENDING) { // Linux and the simulator: the refusal comes back as a packet (R57)
            expectPacket(ov, ERROR_CONNECTION_REFUSED, 0);
            assertEquals(4, entry.key());
        } else { // a kernel may refuse inside connect(): a synchronous failure, no packet (R52)
            assertEquals(Win32Error.describe(ERROR_CONNECTION_REFUSED), Win32Error.describe(r));
            assertNoPacket();
        }
        assertNull(c.remoteAddress());

        AsyncServerSocket l = listener(); // a refused socket may try again
        l.associate(port, 5);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        expectIssued(l.accept(socket(), acc));
        expectIssued(c.connect(l.localAddress(), con));
        assertEquals(0, packetsFor(acc, con).get(con).error());
        assertEquals(l.localAddress(), c.remoteAddress());
    }

    @Test
    public void closingWithUnreadBytesResetsThePeer() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), r));
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[10]), w));
        packetsFor(w, r); // 4 read, 6 surely waiting unread
        Overlapped pending = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[0].read(ByteBuffer.allocateDirect(8), pending));
        pair[1].close(); // with unread bytes: an RST, not a FIN
        expectPacket(pending, ERROR_NETNAME_DELETED, 0);
        Overlapped late = new Overlapped();
        assertEquals(ERROR_NETNAME_DELETED, pair[0].write(ByteBuffer.wrap(new byte[4]), late),
                "writing to a reset connection fails at once");
        assertFalse(late.isInFlight());
        assertNoPacket();
    }

    @Test
    public void writingAfterOurOwnShutdownIsWsaeshutdown() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].shutdownOutput();
        assertEquals(Win32Error.WSAESHUTDOWN, pair[0].write(ByteBuffer.wrap(new byte[1]), new Overlapped()));
        assertNoPacket();
    }
}
