package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.TimeoutSuite;
import org.junit.jupiter.api.Tag;

/** {@link TimeoutSuite}, the port contract the other backends pass too, on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueTimeoutTest extends TimeoutSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
