package org.iocp4j.unix.suite;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoRoundTripSuite;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** The round-trip conformance suite on a readiness backend, and an accept of a JDK peer over real loopback. */
public abstract class RoundTripSuite extends IoRoundTripSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }

    @Test
    public void anAcceptCompletesWhenAJdkPeerConnects() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 5);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc), "nobody connected yet");
        try (Socket peer = new Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            expectPacket(acc, 0, 0);
            assertEquals(5, entry.key());
            assertEquals(peer.getLocalPort(), target.remoteAddress().getPort());
        }
    }
}
