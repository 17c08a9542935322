package org.iocp4j.unix.suite;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NETNAME_DELETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoErrorMappingSuite;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** The error conformance suite on a readiness backend, and a reset by a JDK peer (SO_LINGER 0). */
public abstract class ErrorMappingSuite extends IoErrorMappingSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }

    @Test
    public void aJdkPeerResetCompletesAPendingReadWithNetnameDeleted() throws Exception {
        try (ServerSocket jdk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AsyncSocket c = socket();
            c.associate(port, 6);
            Overlapped con = new Overlapped();
            settle(c.connect(new InetSocketAddress(jdk.getInetAddress(), jdk.getLocalPort()), con), con);
            Socket peer = jdk.accept();
            Overlapped r = new Overlapped();
            assertEquals(ERROR_IO_PENDING, c.read(ByteBuffer.allocateDirect(8), r));
            peer.setSoLinger(true, 0); // close with RST
            peer.close();
            expectPacket(r, ERROR_NETNAME_DELETED, 0);
            Overlapped w = new Overlapped();
            assertEquals(ERROR_NETNAME_DELETED, c.write(ByteBuffer.wrap(new byte[4]), w),
                    "writing to a reset connection fails at once (EPIPE)");
            assertFalse(w.isInFlight());
            assertNoPacket();
        }
    }
}
