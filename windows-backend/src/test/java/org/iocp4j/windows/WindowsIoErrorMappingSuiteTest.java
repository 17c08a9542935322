package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoErrorMappingSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoErrorMappingSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoErrorMappingSuiteTest extends IoErrorMappingSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
