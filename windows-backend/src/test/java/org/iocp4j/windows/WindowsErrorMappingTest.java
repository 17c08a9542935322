package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_REFUSED;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NETNAME_DELETED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * What the kernel says, in the vocabulary every backend uses: end of stream, refusal (1225),
 * reset (64), our own shutdown. Packets carry the Win32 error of their NTSTATUS; synchronous
 * Winsock failures are mapped to the same numbers ({@link WinsockErrors}).
 */
class WindowsErrorMappingTest extends IoTestSupport {

    @Test
    void endOfStreamIsSuccessWithZeroBytes() throws Exception {
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
    void aRefusedConnectFailsWithConnectionRefused_r57() throws Exception {
        InetSocketAddress closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = new InetSocketAddress(LOOPBACK, s.getLocalPort());
        }
        AsyncSocket c = socket();
        c.associate(port, 4);
        Overlapped ov = new Overlapped();
        int r = c.connect(closedPort, ov);
        if (r == ERROR_IO_PENDING) { // ConnectEx: the refusal comes by packet (R57)
            expectPacket(ov, ERROR_CONNECTION_REFUSED, 0);
            assertEquals(4, entry.key());
        } else { // refused inside the call: a synchronous failure, mapped from WSAECONNREFUSED, no packet (R52)
            assertEquals(ERROR_CONNECTION_REFUSED, r);
            assertNoPacket();
        }
        assertNull(c.remoteAddress());

        AsyncServerSocket l = listener(); // a refused socket may try again
        l.associate(port, 5);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        requireStarted(l.accept(socket(), acc));
        requireStarted(c.connect(l.localAddress(), con));
        assertEquals(0, packetsFor(acc, con).get(con).error());
        assertEquals(l.localAddress(), c.remoteAddress());
    }

    @Test
    void aPeerResetCompletesAPendingReadWithNetnameDeleted() throws Exception {
        try (ServerSocket jdk = new ServerSocket(0, 1, LOOPBACK)) {
            AsyncSocket c = socket();
            c.associate(port, 6);
            Overlapped con = new Overlapped();
            settle(c.connect(new InetSocketAddress(LOOPBACK, jdk.getLocalPort()), con), con);
            java.net.Socket peer = jdk.accept();
            Overlapped r = new Overlapped();
            assertEquals(ERROR_IO_PENDING, c.read(ByteBuffer.allocateDirect(8), r));
            peer.setSoLinger(true, 0); // close with RST
            peer.close();
            expectPacket(r, ERROR_NETNAME_DELETED, 0); // STATUS_CONNECTION_RESET
            Overlapped w = new Overlapped();
            int written = c.write(ByteBuffer.wrap(new byte[4]), w);
            assertEquals(ERROR_NETNAME_DELETED, written, "WSAECONNRESET at once, in the packets' vocabulary");
            assertFalse(w.isInFlight());
            assertNoPacket();
        }
    }

    @Test
    void writingAfterOurOwnShutdownIsWsaeshutdown() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].shutdownOutput();
        assertEquals(Win32Error.WSAESHUTDOWN, pair[0].write(ByteBuffer.wrap(new byte[1]), new Overlapped()));
        assertNoPacket();
    }

    @Test
    void winsockErrorsMapToThePacketsVocabulary() {
        assertEquals(ERROR_NETNAME_DELETED, WinsockErrors.toWin32(WinsockErrors.WSAECONNRESET));
        assertEquals(ERROR_CONNECTION_REFUSED, WinsockErrors.toWin32(WinsockErrors.WSAECONNREFUSED));
        assertEquals(Win32Error.ERROR_CONNECTION_ABORTED, WinsockErrors.toWin32(WinsockErrors.WSAECONNABORTED));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, WinsockErrors.toWin32(WinsockErrors.WSAENOTSOCK));
        assertEquals(Win32Error.ERROR_IO_PENDING, WinsockErrors.toWin32(Win32Error.ERROR_IO_PENDING));
        assertEquals(Win32Error.WSAENOTCONN, WinsockErrors.toWin32(Win32Error.WSAENOTCONN), "no Win32 counterpart: kept");
    }
}
