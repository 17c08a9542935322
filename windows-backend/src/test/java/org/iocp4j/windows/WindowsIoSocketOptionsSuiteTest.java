package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoSocketOptionsSuite;

/** The shared {@link IoSocketOptionsSuite} on Winsock's sockets (under Wine when not on Windows). */
class WindowsIoSocketOptionsSuiteTest extends IoSocketOptionsSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
