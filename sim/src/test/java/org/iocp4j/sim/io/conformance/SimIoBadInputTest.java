package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoBadInputSuite;

/** Bad I/O input is a clear error that changes nothing, on the simulator. */
class SimIoBadInputTest extends IoBadInputSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
