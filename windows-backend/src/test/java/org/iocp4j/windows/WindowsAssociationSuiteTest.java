package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.AssociationSuite;

/** The conformance kit's {@link AssociationSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsAssociationSuiteTest extends AssociationSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
