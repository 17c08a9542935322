package org.iocp4j.epoll;

import org.iocp4j.unix.suite.CancelCloseReplaceSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Cancel, close with I/O pending and port replacement (R64-R75) on epoll. */
class EpollCancelCloseReplaceTest extends CancelCloseReplaceSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
