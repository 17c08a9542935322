package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ModelDifferentialSuite;
import org.junit.jupiter.api.Tag;

/** {@link ModelDifferentialSuite}, the port contract the other backends pass too, on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueModelDifferentialTest extends ModelDifferentialSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
