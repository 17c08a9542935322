package org.iocp4j.epoll;

import org.iocp4j.unix.suite.ErrorMappingSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** End of stream, refusal and reset in Windows' words on epoll. */
class EpollErrorMappingTest extends ErrorMappingSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
