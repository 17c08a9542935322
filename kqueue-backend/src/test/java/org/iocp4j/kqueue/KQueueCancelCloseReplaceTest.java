package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.CancelCloseReplaceSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared CancelCloseReplace suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueCancelCloseReplaceTest extends CancelCloseReplaceSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
