package org.iocp4j.conformance;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;

/**
 * What a backend hands the conformance suites: how to open a port, what it can do (as data, never
 * instanceof), how scenarios run their threads, and how to check its invariants after a test.
 * Each backend's test module subclasses the suites and returns its fixture from one factory method.
 */
public interface BackendFixture {

    /** The backend's name, for test display names. */
    String name();

    /** Opens a port on this backend. */
    CompletionPort open(PortOptions options);

    /** What the backend enforces and reports; suites {@code assume} on it. */
    PortCapabilities capabilities();

    /** How scenarios start threads and wait. */
    Harness harness();

    /**
     * Checks {@code port}'s internal invariants (active count, stranded packets); returns null
     * when they hold or cannot be seen, else a description of what is wrong. {@link InvariantCheck}
     * calls it after every suite test for every port the test opened, as the test left it
     * (usually closed); {@code port} is the port {@link #open} returned.
     */
    String invariantViolation(CompletionPort port);

    /**
     * How many threads are blocked in a dequeue or poll on {@code port} (a port {@link #open}
     * returned), or {@link PortStats#UNKNOWN} when the backend cannot tell. Suites only wait on it
     * ("until n threads wait"), so a backend may answer from what it can observe, e.g. the threads
     * it sees parked inside its kernel call. The default is {@code port.stats().waitingThreads()}.
     */
    default int waitingThreads(CompletionPort port) {
        return port.stats().waitingThreads();
    }
}
