package org.iocp4j.epoll;

import org.iocp4j.unix.suite.AllocationSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Steady reads and writes on epoll allocate nothing per operation. */
class EpollAllocationTest extends AllocationSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
