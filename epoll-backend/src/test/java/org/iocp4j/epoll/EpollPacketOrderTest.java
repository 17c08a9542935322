package org.iocp4j.epoll;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.PacketOrderSuite;

/** {@link PacketOrderSuite}, the port contract the other backends pass too, on an epoll port. */
class EpollPacketOrderTest extends PacketOrderSuite {
    @Override
    protected BackendFixture fixture() {
        return EpollFixture.INSTANCE;
    }
}
