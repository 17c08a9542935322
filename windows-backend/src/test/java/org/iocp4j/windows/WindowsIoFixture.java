package org.iocp4j.windows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;
import org.iocp4j.conformance.io.IoBackendFixture;

/**
 * The kernel's sockets and files for the shared I/O conformance suites: real threads, 127.0.0.1,
 * and as the leak check the process's file, socket and port handles ({@link Handles}) and the
 * live operation blocks ({@link OpTable}), both back to where they were.
 */
final class WindowsIoFixture implements IoBackendFixture {
    private static WindowsIoFixture instance;

    private final Harness harness = new RealThreadHarness(OnWindows.PATIENCE);

    private record Snapshot(int handles, int blocks) {}

    private WindowsIoFixture() {
        // one per JVM
    }

    /** The fixture; skips the test when the backend is not available. */
    static synchronized WindowsIoFixture get() {
        OnWindows.assumeAvailable();
        if (instance == null) {
            instance = new WindowsIoFixture();
        }
        return instance;
    }

    @Override
    public String name() {
        return OnWindows.fixture().name();
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return new WindowsPortProvider().open(options);
    }

    @Override
    public Harness harness() {
        return harness;
    }

    /** 127.0.0.1 spelled out (see {@link IoTestSupport#LOOPBACK}: Wine and getLoopbackAddress()). */
    @Override
    public InetAddress address() {
        return IoTestSupport.LOOPBACK;
    }

    @Override
    public InetSocketAddress refusedAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address())) {
            return new InetSocketAddress(address(), s.getLocalPort());
        }
    }

    @Override
    public Object handleSnapshot() {
        OpTable.sweep();
        return new Snapshot(Handles.count(), OpTable.inUse());
    }

    @Override
    public String leakedSince(Object snapshot) {
        Snapshot before = (Snapshot) snapshot;
        try {
            harness.awaitUntil("blocks and handles back", () -> {
                OpTable.sweep();
                return OpTable.inUse() <= before.blocks() && Handles.count() <= before.handles();
            });
            return null;
        } catch (RuntimeException | AssertionError e) {
            return (OpTable.inUse() - before.blocks()) + " operation block(s) and " + (Handles.count() - before.handles())
                    + " file/socket/port handle(s) more than before the test (" + OpTable.stale() + " stale)";
        }
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        return OnWindows.fixture().invariantViolation(port);
    }
}
