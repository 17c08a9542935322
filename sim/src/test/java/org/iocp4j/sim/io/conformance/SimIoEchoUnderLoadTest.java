package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoEchoUnderLoadSuite;

/** An echo server and its clients driven only by packets, on the simulator. */
class SimIoEchoUnderLoadTest extends IoEchoUnderLoadSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
