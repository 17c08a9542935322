package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.PollerSuite;
import org.junit.jupiter.api.Tag;

/** The poller suite on kqueue (macOS profile): waiting threads poll, the backstop covers when none waits. */
@Tag("macos")
class KQueuePollerTest extends PollerSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
