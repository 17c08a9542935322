package org.iocp4j.conformance.java;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.PacketOrderSuite;

class JavaPacketOrderTest extends PacketOrderSuite {
    @Override
    protected BackendFixture fixture() {
        return JavaFixture.INSTANCE;
    }
}
