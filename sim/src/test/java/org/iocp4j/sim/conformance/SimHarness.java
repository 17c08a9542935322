package org.iocp4j.sim.conformance;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.iocp4j.conformance.Harness;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimResult;

/**
 * The conformance harness on the simulator: {@link #run} runs the scenario as the main thread
 * of one simulation; {@link #start} makes a simulated thread; {@link #awaitUntil} lets the
 * scheduler run the other threads, and virtual time pass when they all wait, until the condition
 * holds, and fails with the trace (a deadlock report) if it never can; {@link #busy} is a
 * scheduling point that is not a wait. A failing scenario throws its own exception with the trace
 * and the replay token attached.
 */
public final class SimHarness implements Harness {
    private final SimOptions options;

    public SimHarness(SimOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void run(Scenario body) throws Exception {
        SimResult r = Sim.run(options, sim -> body.run());
        r.rethrowFailure();
    }

    @Override
    public Thread start(String name, Runnable body) {
        return Sim.current().start(name, body);
    }

    @Override
    public void awaitUntil(String what, BooleanSupplier condition) {
        Sim.current().awaitUntil(what, condition);
    }

    @Override
    public void join(Thread thread) {
        Sim.current().join(thread);
    }

    @Override
    public void busy() {
        Sim.current().busy();
    }
}
