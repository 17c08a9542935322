package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ConcurrencySuite;

/** The conformance kit's {@link ConcurrencySuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsConcurrencySuiteTest extends ConcurrencySuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
