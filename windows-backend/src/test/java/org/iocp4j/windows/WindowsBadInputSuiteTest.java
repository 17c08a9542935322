package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.BadInputSuite;

/** The conformance kit's {@link BadInputSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsBadInputSuiteTest extends BadInputSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
