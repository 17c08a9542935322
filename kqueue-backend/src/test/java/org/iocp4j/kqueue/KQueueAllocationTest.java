package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.AllocationSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared allocation suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueAllocationTest extends AllocationSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
