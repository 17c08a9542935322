package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoSocketOptionsSuite;

/** Socket options on simulated sockets. */
class SimIoSocketOptionsTest extends IoSocketOptionsSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
