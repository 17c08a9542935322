package org.iocp4j.kqueue;

import org.iocp4j.unix.suite.PacketRulesSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.junit.jupiter.api.Tag;

/** The shared PacketRules suite on kqueue (macOS profile). */
@Tag("macos")
class KQueuePacketRulesTest extends PacketRulesSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return KQueueUnderTest.INSTANCE;
    }
}
