package org.iocp4j.epoll;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** The epoll backend for the shared real-socket suites. */
final class EpollUnderTest implements IoBackendUnderTest {
    static final EpollUnderTest INSTANCE = new EpollUnderTest();

    private EpollUnderTest() {}

    @Override
    public CompletionPort open(PortOptions options) {
        return EpollBackend.open(options);
    }

    @Override
    public void drainPollers() {
        EpollReadiness.INSTANCE.drainPollers();
    }
}
