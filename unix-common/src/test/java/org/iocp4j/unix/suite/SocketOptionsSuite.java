package org.iocp4j.unix.suite;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoSocketOptionsSuite;

/** The socket-options conformance suite on a readiness backend. */
public abstract class SocketOptionsSuite extends IoSocketOptionsSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }
}
