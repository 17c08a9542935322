package org.iocp4j.windows;

import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoCancelCloseReplaceSuite;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link IoCancelCloseReplaceSuite} on the kernel's sockets (under Wine when not on
 * Windows). Where Wine differs from Windows the test is skipped with the reason.
 */
class WindowsIoCancelCloseReplaceSuiteTest extends IoCancelCloseReplaceSuite {
    @Override
    protected IoBackendFixture fixture() {
        return WindowsIoFixture.get();
    }

    @Override
    @Test
    public void r71_closingASocketCompletesItsPendingReadWithConnectionAborted() throws Exception {
        OnWindows.assumeNotWine("Wine completes it with STATUS_HANDLES_CLOSED (676); Windows with "
                + "STATUS_CONNECTION_ABORTED, ERROR_CONNECTION_ABORTED (1236, R71)");
        super.r71_closingASocketCompletesItsPendingReadWithConnectionAborted();
    }

    @Override
    @Test
    public void r52_aReadOrWriteWhileAConnectIsPendingFailsAtOnce() throws Exception {
        OnWindows.assumeNotWine("Wine 8.0 queues a WSARecv issued while the socket's ConnectEx is pending "
                + "(ERROR_IO_PENDING); Windows documents WSAENOTCONN for a socket not connected, which the "
                + "emulation answers");
        super.r52_aReadOrWriteWhileAConnectIsPendingFailsAtOnce();
    }

    @Override
    @Test
    public void r71_closingASocketCompletesItsPendingWriteWithConnectionAborted() throws Exception {
        OnWindows.assumeNotWine("Wine 8.0: closing a socket whose send waits for room (the peer reads "
                + "nothing) queues no packet for that send (none within 10 s, measured); Windows completes it "
                + "with ERROR_CONNECTION_ABORTED (1236, R71)");
        super.r71_closingASocketCompletesItsPendingWriteWithConnectionAborted();
    }

    @Override
    @Test
    public void r70_aReadIssuedByAThreadThatEndedStillCompletes() throws Exception {
        OnWindows.assumeNotWine("Wine 8.0 hands a socket read's completion to its issuing thread while that OS "
                + "thread lives: data arriving while it was still exiting (its Java thread joined) completed the read "
                + "with success and 0 bytes (CI, twice); WindowsCancelCloseReplaceTest.r70_aReadIssuedByAThreadThatExitedStillCompletes waits for the OS thread's "
                + "end and checks R70 under Wine");
        super.r70_aReadIssuedByAThreadThatEndedStillCompletes();
    }

    @Override
    @Test
    public void r74_replacingThePortMovesLaterCompletionsAndClearsTheModes() throws Exception {
        OnWindows.assumeNotWine(WindowsCancelCloseReplaceTest.WINE_HAS_NO_REPLACE);
        super.r74_replacingThePortMovesLaterCompletionsAndClearsTheModes();
    }

    @Override
    @Test
    public void r74_replacingWithNoPortRemovesTheAssociation() throws Exception {
        OnWindows.assumeNotWine(WindowsCancelCloseReplaceTest.WINE_HAS_NO_REPLACE);
        super.r74_replacingWithNoPortRemovesTheAssociation();
    }
}
