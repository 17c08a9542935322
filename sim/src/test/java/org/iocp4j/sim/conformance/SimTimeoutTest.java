package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.TimeoutSuite;

class SimTimeoutTest extends TimeoutSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
