package org.iocp4j.epoll;

import java.time.Duration;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;

/** The epoll backend for the conformance suites: real threads, the engine's own invariant check. */
final class EpollFixture implements BackendFixture {
    private final Harness harness = new RealThreadHarness(Duration.ofSeconds(10));

    @Override
    public String name() {
        return EpollBackend.NAME;
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return EpollBackend.open(options);
    }

    @Override
    public PortCapabilities capabilities() {
        return EmulatedPortProvider.CAPABILITIES;
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        return port instanceof EmulatedCompletionPort p ? p.invariantViolation() : null;
    }
}
