package org.iocp4j.unix.suite;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoFileSuite;

/** Files at an offset on the helper pool: the conformance suite on a readiness backend. */
public abstract class FileSuite extends IoFileSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }
}
