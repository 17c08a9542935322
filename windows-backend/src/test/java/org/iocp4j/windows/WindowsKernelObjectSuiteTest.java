package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.KernelObjectSuite;

/** The conformance kit's {@link KernelObjectSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsKernelObjectSuiteTest extends KernelObjectSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
