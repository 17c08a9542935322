package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.PacketOrderSuite;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit's {@link PacketOrderSuite} on the kernel's own port (under Wine when not on
 * Windows). The tests of the direct hand-off are skipped under Wine, which does not hand over.
 */
class WindowsPacketOrderSuiteTest extends PacketOrderSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }

    @Override
    @Test
    public void r15_packetHandedToAWaiterIsNotStolenByALaterRemover() {
        OnWindows.assumeNotWine(OnWindows.WINE_QUEUES_HANDED_PACKETS);
        super.r15_packetHandedToAWaiterIsNotStolenByALaterRemover();
    }

    @Override
    @Test
    public void r77_packetHandedToAWaiterIsNeverQueued() {
        OnWindows.assumeNotWine(OnWindows.WINE_QUEUES_HANDED_PACKETS);
        super.r77_packetHandedToAWaiterIsNeverQueued();
    }
}
