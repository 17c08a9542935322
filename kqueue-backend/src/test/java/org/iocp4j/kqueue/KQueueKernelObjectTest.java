package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.KernelObjectSuite;
import org.junit.jupiter.api.Tag;

/** The kernel-object contract on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueKernelObjectTest extends KernelObjectSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
