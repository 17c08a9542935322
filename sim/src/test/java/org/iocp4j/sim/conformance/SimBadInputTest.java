package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BadInputSuite;

class SimBadInputTest extends BadInputSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
