package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;

/** {@link CloseSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollCloseTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
