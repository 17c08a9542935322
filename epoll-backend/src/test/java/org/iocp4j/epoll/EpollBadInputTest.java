package org.iocp4j.epoll;

import org.iocp4j.unix.suite.BadInputSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Bad input is a clear error that changes nothing, on epoll. */
class EpollBadInputTest extends BadInputSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
