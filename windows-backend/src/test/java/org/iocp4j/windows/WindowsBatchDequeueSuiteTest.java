package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BatchDequeueSuite;

/** The conformance kit's {@link BatchDequeueSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsBatchDequeueSuiteTest extends BatchDequeueSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
