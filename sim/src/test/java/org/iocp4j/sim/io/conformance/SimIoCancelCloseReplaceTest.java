package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoCancelCloseReplaceSuite;

/** Cancel, close with I/O pending and port replacement (R64-R75) on the simulator. */
class SimIoCancelCloseReplaceTest extends IoCancelCloseReplaceSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
