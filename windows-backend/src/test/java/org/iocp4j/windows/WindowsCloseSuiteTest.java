package org.iocp4j.windows;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit's {@link CloseSuite} on the kernel's own port (under Wine when not on
 * Windows). A packet posted just before the close is handed to the waiter on Windows (R15, R37);
 * Wine queues it instead, so the after-test ledger would count it both queued at the close and
 * removed: those two tests are skipped under Wine.
 */
class WindowsCloseSuiteTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return OnWindows.fixture();
    }

    @Override
    @Test
    public void r37_postImmediatelyFollowedByCloseStillDeliversToTheWaiter() {
        OnWindows.assumeNotWine(OnWindows.WINE_QUEUES_HANDED_PACKETS);
        super.r37_postImmediatelyFollowedByCloseStillDeliversToTheWaiter();
    }

    @Override
    @Test
    public void r37_postImmediatelyFollowedByCloseStillDeliversToABatchWaiter() {
        OnWindows.assumeNotWine(OnWindows.WINE_QUEUES_HANDED_PACKETS);
        super.r37_postImmediatelyFollowedByCloseStillDeliversToABatchWaiter();
    }
}
