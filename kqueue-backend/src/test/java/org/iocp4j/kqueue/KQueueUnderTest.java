package org.iocp4j.kqueue;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** The kqueue backend for the shared real-socket suites. */
final class KQueueUnderTest implements IoBackendUnderTest {
    static final KQueueUnderTest INSTANCE = new KQueueUnderTest();

    private KQueueUnderTest() {}

    @Override
    public CompletionPort open(PortOptions options) {
        return KQueueBackend.open(options);
    }

    @Override
    public void drainPollers() {
        KQueueReadiness.INSTANCE.drainPollers();
    }
}
