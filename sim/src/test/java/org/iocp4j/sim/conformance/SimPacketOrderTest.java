package org.iocp4j.sim.conformance;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.PacketOrderSuite;

class SimPacketOrderTest extends PacketOrderSuite {
    @Override
    protected BackendFixture fixture() {
        return new SimFixture();
    }
}
