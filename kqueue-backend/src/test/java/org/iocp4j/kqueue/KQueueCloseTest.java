package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;
import org.junit.jupiter.api.Tag;

/** {@link CloseSuite}, the port contract the other backends pass too, on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueCloseTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
