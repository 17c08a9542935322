package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BadInputSuite;

/** {@link BadInputSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollPortBadInputTest extends BadInputSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
