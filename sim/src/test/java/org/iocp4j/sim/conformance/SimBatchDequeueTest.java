package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BatchDequeueSuite;

class SimBatchDequeueTest extends BatchDequeueSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
