package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoFileSuite;

/** Files at an offset on the simulated disk. */
class SimIoFileTest extends IoFileSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
