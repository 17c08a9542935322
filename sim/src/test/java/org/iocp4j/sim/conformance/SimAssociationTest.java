package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.AssociationSuite;

class SimAssociationTest extends AssociationSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
