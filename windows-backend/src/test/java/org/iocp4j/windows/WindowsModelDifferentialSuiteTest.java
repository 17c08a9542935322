package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ModelDifferentialSuite;

/** The conformance kit's {@link ModelDifferentialSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsModelDifferentialSuiteTest extends ModelDifferentialSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
