package org.iocp4j.epoll;

import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.PollerSuite;

/** The poller suite on epoll: waiting threads poll, the backstop covers when none waits. */
class EpollPollerTest extends PollerSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
