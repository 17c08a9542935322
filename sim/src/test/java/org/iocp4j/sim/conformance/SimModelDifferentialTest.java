package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ModelDifferentialSuite;

class SimModelDifferentialTest extends ModelDifferentialSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
