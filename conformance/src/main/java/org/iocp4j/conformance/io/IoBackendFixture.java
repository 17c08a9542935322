package org.iocp4j.conformance.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.Harness;

/**
 * What a backend with overlapped I/O hands the I/O suites: how to open a port whose
 * {@link CompletionPort#io()} works, where listeners bind, how scenarios run their threads, and
 * how to see what the backend still holds open. Each backend's test module subclasses the suites
 * and returns its fixture from {@link IoSuite#fixture()}.
 *
 * <p>Every method but {@link #name()} and {@link #harness()} is called inside
 * {@link Harness#run}, so a simulated backend may answer from its run.
 */
public interface IoBackendFixture {

    /** The backend's name, for messages. */
    String name();

    /** Opens a port of the backend, with I/O. */
    CompletionPort open(PortOptions options);

    /** How scenarios start threads and wait. */
    Harness harness();

    /** The address listeners bind to (port 0): loopback on a real machine; any address the backend routes. */
    InetAddress address();

    /**
     * An address at which nobody listens, so a connect there is refused. (A listener of the
     * backend closed just before will not do on every backend: epoll closes the fd a moment
     * after close() returns.)
     */
    InetSocketAddress refusedAddress() throws IOException;

    /**
     * What the backend holds open now (descriptors, simulated handles), taken before each test;
     * {@link #leakedSince} compares against it.
     */
    Object handleSnapshot();

    /**
     * Null if everything opened since {@code snapshot} is closed again, else what was left open.
     * Called after the suite closed every handle and port of the test; may wait a little for a
     * backend that releases handles asynchronously (an fd closes on its loop).
     */
    String leakedSince(Object snapshot);

    /** The backend's invariants for a port this fixture opened (active count, stranded packets); null when they hold. */
    String invariantViolation(CompletionPort port);
}
