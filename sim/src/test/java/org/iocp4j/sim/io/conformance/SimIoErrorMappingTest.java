package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoErrorMappingSuite;

/** End of stream, refusal, reset and shutdown in Windows' words on the simulator. */
class SimIoErrorMappingTest extends IoErrorMappingSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
