package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoFileSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoFileSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoFileSuiteTest extends IoFileSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
