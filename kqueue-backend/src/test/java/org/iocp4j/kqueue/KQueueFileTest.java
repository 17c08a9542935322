package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.FileSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared File suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueFileTest extends FileSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
