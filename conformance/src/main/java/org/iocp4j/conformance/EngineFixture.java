package org.iocp4j.conformance;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;

/**
 * A backend whose ports are the emulation engine on real threads ("java", epoll, kqueue) as the
 * suites see it: the engine's capabilities, a {@link RealThreadHarness}, and the engine's own
 * invariant check.
 */
public final class EngineFixture implements BackendFixture {
    private final String name;
    private final Function<PortOptions, CompletionPort> open;
    private final Harness harness;

    /**
     * @param name the backend's name, as its ports report it
     * @param open opens a port of the backend
     * @param timeout how long the harness waits for a scenario's threads before it fails the test
     */
    public EngineFixture(String name, Function<PortOptions, CompletionPort> open, Duration timeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.open = Objects.requireNonNull(open, "open");
        this.harness = new RealThreadHarness(timeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return open.apply(options);
    }

    @Override
    public PortCapabilities capabilities() {
        return EmulatedPortProvider.CAPABILITIES;
    }

    @Override
    public Harness harness() {
        return harness;
    }

    /** The engine's check; null for a port that is not the engine (its invariants cannot be seen). */
    @Override
    public String invariantViolation(CompletionPort port) {
        return port instanceof EmulatedCompletionPort p ? p.invariantViolation() : null;
    }
}
