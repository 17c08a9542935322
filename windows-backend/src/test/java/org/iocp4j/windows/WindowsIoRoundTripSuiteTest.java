package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoRoundTripSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoRoundTripSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoRoundTripSuiteTest extends IoRoundTripSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
