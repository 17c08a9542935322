package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;

/** The scenarios on the simulator: how each conformance suite will be plugged in. */
class SimPortScenariosTest extends PortScenarios {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
