package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoPacketRulesSuite;
import org.iocp4j.conformance.io.IoBackendFixture;

/** The shared {@link IoPacketRulesSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoPacketRulesSuiteTest extends IoPacketRulesSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }
}
