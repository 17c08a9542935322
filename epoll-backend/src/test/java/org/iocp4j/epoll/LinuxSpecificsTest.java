package org.iocp4j.epoll;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_REFUSED;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.Win32Error;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.IoSuiteSupport;
import org.junit.jupiter.api.Test;

/** Which way Linux reports connect failures: the facts docs/io.md states. */
class LinuxSpecificsTest extends IoSuiteSupport {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }

    @Test
    void aRefusedLoopbackConnectIsPendingThenAPacket() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
        AsyncSocket c = socket();
        c.associate(port, 4);
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_IO_PENDING, c.connect(new InetSocketAddress(LOOPBACK, closedPort), ov),
                "Linux answers a non-blocking connect with EINPROGRESS even when the RST is already back");
        expectPacket(ov, ERROR_CONNECTION_REFUSED, 0);
    }

    @Test
    void anUnreachableNetworkFailsAtOnce() throws Exception {
        AsyncSocket c = socket();
        c.associate(port, 7);
        Overlapped ov = new Overlapped();
        // TCP to a multicast group has no route: Linux refuses it inside connect() with ENETUNREACH
        int r = c.connect(new InetSocketAddress(InetAddress.getByName("224.0.0.1"), 80), ov);
        assertEquals(Win32Error.describe(Win32Error.ERROR_NETWORK_UNREACHABLE), Win32Error.describe(r));
        assertFalse(ov.isInFlight());
        assertNoPacket();
        assertNull(c.remoteAddress(), "the failed attempt's fd is dropped");
    }
}
