package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.KernelObjectSuite;

class SimKernelObjectTest extends KernelObjectSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
