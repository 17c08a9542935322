package org.iocp4j.sim.conformance;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;
import org.iocp4j.sim.PropertyRunner;
import org.iocp4j.sim.ReplayToken;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimPort;

/**
 * The simulator as a conformance backend. Each scenario is one simulation, a random walk from the
 * seed {@code -Diocp4j.sim.seed} (default 1), or the token of {@code -Diocp4j.sim.replay} that a
 * failing scenario printed. The simulated machine has this machine's processor count, so a port
 * opened with concurrency 0 has the maximum R1 promises.
 */
public final class SimFixture implements BackendFixture {
    private final SimOptions options;
    private final SimHarness harness;

    public SimFixture() {
        this(defaultOptions());
    }

    public SimFixture(SimOptions options) {
        this.options = options;
        this.harness = new SimHarness(options);
    }

    private static SimOptions defaultOptions() {
        SimOptions.Builder b = SimOptions.builder()
                .seed(Long.getLong("iocp4j.sim.seed", 1))
                .processors(Runtime.getRuntime().availableProcessors());
        String replay = System.getProperty(PropertyRunner.REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            b.replay(ReplayToken.parse(replay));
        }
        return b.build();
    }

    @Override
    public String name() {
        return "sim";
    }

    /** On a simulated thread, a port of its simulation; elsewhere a port for the next one. */
    @Override
    public CompletionPort open(PortOptions portOptions) {
        return Sim.isSimulated() ? Sim.current().openPort(portOptions) : SimPort.open(portOptions, options.processors());
    }

    @Override
    public PortCapabilities capabilities() {
        return SimPort.CAPABILITIES;
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        return port instanceof SimPort p ? p.invariantViolation() : null;
    }
}
