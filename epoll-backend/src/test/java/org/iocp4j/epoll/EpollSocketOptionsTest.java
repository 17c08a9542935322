package org.iocp4j.epoll;

import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.SocketOptionsSuite;

/** Socket options on epoll's sockets. */
class EpollSocketOptionsTest extends SocketOptionsSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
