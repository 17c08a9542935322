package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.KernelObjectSuite;

/** The kernel-object contract (org.iocp4j.sync and what its waits tell a port) on an epoll port. */
class EpollKernelObjectTest extends KernelObjectSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
