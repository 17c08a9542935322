package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.TimeoutSuite;

/** {@link TimeoutSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollTimeoutTest extends TimeoutSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
