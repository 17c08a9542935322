package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.PacketOrderSuite;

/** The conformance kit's {@link PacketOrderSuite} on the kernel's own port (under Wine when not on Windows). */
class WindowsPacketOrderSuiteTest extends PacketOrderSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }
}
