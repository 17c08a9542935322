package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.RoundTripSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared RoundTrip suite on kqueue (macOS profile). */
@Tag("macos")
class KQueueRoundTripTest extends RoundTripSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
