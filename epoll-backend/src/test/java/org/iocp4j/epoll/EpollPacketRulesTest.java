package org.iocp4j.epoll;

import org.iocp4j.unix.suite.PacketRulesSuite;
import org.iocp4j.unix.suite.IoBackendUnderTest;

/** Which results queue a packet, skip-on-success and association (R9, R11, R51-R61) on epoll. */
class EpollPacketRulesTest extends PacketRulesSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }
}
