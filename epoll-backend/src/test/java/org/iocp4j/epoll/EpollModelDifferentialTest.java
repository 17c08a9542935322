package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ModelDifferentialSuite;

/** {@link ModelDifferentialSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollModelDifferentialTest extends ModelDifferentialSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
