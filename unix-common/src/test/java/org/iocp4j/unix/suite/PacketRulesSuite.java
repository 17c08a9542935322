package org.iocp4j.unix.suite;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoPacketRulesSuite;

/** Which results queue a packet, skip-on-success and association: the conformance suite on a readiness backend. */
public abstract class PacketRulesSuite extends IoPacketRulesSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }
}
