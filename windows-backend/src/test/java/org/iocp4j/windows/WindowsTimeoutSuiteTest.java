package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.TimeoutSuite;

/** The conformance kit's {@link TimeoutSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsTimeoutSuiteTest extends TimeoutSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
