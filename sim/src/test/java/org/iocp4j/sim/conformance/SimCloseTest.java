package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;

class SimCloseTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
