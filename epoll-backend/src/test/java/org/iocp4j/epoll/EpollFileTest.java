package org.iocp4j.epoll;

import org.iocp4j.unix.suite.FileSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Files at an offset on the helper pool, with an epoll port. */
class EpollFileTest extends FileSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
