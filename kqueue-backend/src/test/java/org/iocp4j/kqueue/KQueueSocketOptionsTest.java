package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.SocketOptionsSuite;
import org.junit.jupiter.api.Tag;

/** The shared socket-options suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueSocketOptionsTest extends SocketOptionsSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
