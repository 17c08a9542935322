package org.iocp4j.unix.suite;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.Socket;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoCancelCloseReplaceSuite;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** The cancel/close/replace conformance suite on a readiness backend, and a close seen by a JDK peer. */
public abstract class CancelCloseReplaceSuite extends IoCancelCloseReplaceSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }

    @Test
    public void closingTheSocketClosesTheConnectionForAJdkPeer() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 1);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        int a = l.accept(target, acc);
        try (Socket peer = new Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            if (a == ERROR_IO_PENDING) {
                expectPacket(acc, 0, 0);
            }
            target.close();
            peer.setSoTimeout((int) PATIENCE_SECONDS * 1000);
            InputStream in = peer.getInputStream();
            assertEquals(-1, in.read(), "the peer sees the close");
        }
    }
}
