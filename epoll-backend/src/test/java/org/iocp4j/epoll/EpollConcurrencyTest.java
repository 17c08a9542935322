package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ConcurrencySuite;

/** {@link ConcurrencySuite}, the port contract the other backends pass too, on an epoll port. */
class EpollConcurrencyTest extends ConcurrencySuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
