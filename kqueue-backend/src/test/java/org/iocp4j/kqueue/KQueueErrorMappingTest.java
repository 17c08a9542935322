package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.ErrorMappingSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared ErrorMapping suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueErrorMappingTest extends ErrorMappingSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
