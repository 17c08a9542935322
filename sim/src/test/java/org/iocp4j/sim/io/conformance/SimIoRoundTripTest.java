package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoRoundTripSuite;

/** Connect, accept, read and write on simulated sockets. */
class SimIoRoundTripTest extends IoRoundTripSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
