package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.AssociationSuite;

/** {@link AssociationSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollAssociationTest extends AssociationSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
