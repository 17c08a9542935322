package org.iocp4j.unix.suite;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoEchoUnderLoadSuite;

/** An echo server and its clients driven only by packets: the conformance suite on a readiness backend. */
public abstract class EchoUnderLoadSuite extends IoEchoUnderLoadSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }
}
