package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;

/** The conformance kit's {@link CloseSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsCloseSuiteTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
