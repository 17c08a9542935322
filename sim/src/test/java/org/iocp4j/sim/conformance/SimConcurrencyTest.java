package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ConcurrencySuite;

class SimConcurrencyTest extends ConcurrencySuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
