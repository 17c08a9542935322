package org.iocp4j.epoll;

import org.iocp4j.unix.suite.RoundTripSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Connect, accept, read and write over loopback on epoll. */
class EpollRoundTripTest extends RoundTripSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
