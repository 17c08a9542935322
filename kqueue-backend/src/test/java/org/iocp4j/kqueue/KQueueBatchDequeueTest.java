package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BatchDequeueSuite;
import org.junit.jupiter.api.Tag;

/** {@link BatchDequeueSuite}, the port contract the other backends pass too, on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueBatchDequeueTest extends BatchDequeueSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
