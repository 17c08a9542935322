package org.iocp4j.sim;

/**
 * Unwinds a simulated thread after its simulation stopped. An Error, so {@code catch (Exception)}
 * in user code lets it through; every later call into the simulator throws it again.
 */
final class SimulationAborted extends Error {
    private static final long serialVersionUID = 1L;

    SimulationAborted() {
        super("the simulation stopped", null, false, false);
    }
}
