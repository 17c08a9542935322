package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.EchoUnderLoadSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared EchoUnderLoad suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueEchoUnderLoadTest extends EchoUnderLoadSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
