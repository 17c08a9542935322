package org.iocp4j.unix.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.internal.EmulatedCompletionPort;

/**
 * A readiness backend (epoll, kqueue) for the I/O conformance suites: real threads, loopback,
 * and this process's descriptors as the leak check. Sockets close on their loop a moment after
 * close() returns, so each count first drains the loops, and the check after a test waits for
 * the count to come back down. The loops' own descriptors and the JDK's lazily opened ones are
 * made once, before the first count.
 */
public final class UnixIoFixture implements IoBackendFixture {
    private static final Set<IoBackendUnderTest> WARMED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    private final IoBackendUnderTest backend;
    private final Harness harness = new RealThreadHarness(Duration.ofSeconds(10));

    public UnixIoFixture(IoBackendUnderTest backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        try (CompletionPort p = backend.open(PortOptions.withConcurrency(1))) {
            return p.backend();
        }
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return backend.open(options);
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    /** A port the JDK bound and closed again (synchronously, unlike ours, which close on the loop). */
    @Override
    public InetSocketAddress refusedAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address())) {
            return new InetSocketAddress(address(), s.getLocalPort());
        }
    }

    @Override
    public Object handleSnapshot() {
        if (WARMED.add(backend)) {
            try {
                FdLeakCheck.warmUp(backend);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            harness.awaitUntil("warm-up", () -> true); // the check's own classes (Awaitility's jar) are loaded
        }
        backend.drainPollers();
        return FdLeakCheck.openFds();
    }

    @Override
    public String leakedSince(Object snapshot) {
        long before = (Long) snapshot;
        try {
            harness.awaitUntil("descriptors back to " + before, () -> {
                backend.drainPollers();
                return FdLeakCheck.openFds() <= before;
            });
            return null;
        } catch (RuntimeException | AssertionError e) {
            return (FdLeakCheck.openFds() - before) + " descriptor(s) more than before the test";
        }
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        return port instanceof EmulatedCompletionPort p ? p.invariantViolation() : null;
    }
}
