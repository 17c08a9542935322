package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoFileSuite;
import org.junit.jupiter.api.Test;

/** The shared {@link IoFileSuite} on the kernel's sockets and files (under Wine when not on Windows). */
class WindowsIoFileSuiteTest extends IoFileSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }

    @Override
    @Test
    public void r65_cancelAllAloneCompletesEveryPendingFileOperationOnce() throws Exception {
        OnWindows.assumeNotWine("Wine 8.0 finishes each pending file read before CancelIoEx can stop it: all 64 "
                + "reads of 256 KiB completed with their bytes (measured); Windows cancels a read still queued");
        super.r65_cancelAllAloneCompletesEveryPendingFileOperationOnce();
    }
}
