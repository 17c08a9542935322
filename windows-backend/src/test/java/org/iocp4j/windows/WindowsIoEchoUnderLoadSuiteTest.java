package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoEchoUnderLoadSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoEchoUnderLoadSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoEchoUnderLoadSuiteTest extends IoEchoUnderLoadSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
