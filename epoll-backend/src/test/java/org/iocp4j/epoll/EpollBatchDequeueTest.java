package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BatchDequeueSuite;

/** {@link BatchDequeueSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollBatchDequeueTest extends BatchDequeueSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
