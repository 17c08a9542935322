package org.iocp4j.unix.suite;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoBadInputSuite;

/** Bad I/O input changes nothing: the conformance suite on a readiness backend. */
public abstract class BadInputSuite extends IoBadInputSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }
}
