package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoBadInputSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoBadInputSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoBadInputSuiteTest extends IoBadInputSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
