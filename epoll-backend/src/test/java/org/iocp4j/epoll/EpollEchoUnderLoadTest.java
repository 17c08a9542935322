package org.iocp4j.epoll;

import org.iocp4j.unix.suite.EchoUnderLoadSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** An echo server and its clients driven only by packets, on epoll. */
class EpollEchoUnderLoadTest extends EchoUnderLoadSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
