package org.iocp4j.sim;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;

/**
 * The {@code "sim"} backend. It is available only on threads a simulation runs, and there it
 * outranks every other backend: server code that calls {@code CompletionPorts.open(...)} gets a
 * simulated port when it runs under the simulator, and a real one otherwise.
 */
public final class SimPortProvider implements CompletionPortProvider {

    public SimPortProvider() {
        // ServiceLoader
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isAvailable() {
        return Sim.isSimulated();
    }

    @Override
    public Throwable unavailabilityCause() {
        return isAvailable() ? null : new IllegalStateException("the sim backend opens ports only on threads a"
                + " simulation runs (the scenario given to Sim.run and the threads it starts)");
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return Sim.current().openPort(options);
    }
}
