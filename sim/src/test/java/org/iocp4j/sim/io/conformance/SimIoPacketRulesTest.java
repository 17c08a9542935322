package org.iocp4j.sim.io.conformance;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoPacketRulesSuite;

/** Which results queue a packet, skip-on-success and association (R9, R11, R51-R61) on the simulator. */
class SimIoPacketRulesTest extends IoPacketRulesSuite {
    @Override
    protected IoBackendFixture fixture() {
        return new SimIoFixture();
    }
}
