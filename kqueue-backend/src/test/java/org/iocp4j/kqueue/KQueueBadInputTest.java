package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.BadInputSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared BadInput suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueBadInputTest extends BadInputSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
