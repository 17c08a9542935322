package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import org.iocp4j.CompletionPort;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * What the shared IoCancelCloseReplaceSuite does not check: the raw CancelIoEx with nothing
 * pending (R68), exactly one packet for a read pending when its socket closes, whatever the error
 * (R71; Wine's 676), the read mapped back after the close; I/O outliving its thread (R70); and
 * Wine's refused FileReplaceCompletionInformation leaving everything as it was (R74).
 */
class WindowsCancelCloseReplaceTest extends IoTestSupport {
    static final String WINE_HAS_NO_REPLACE = "Wine has no FileReplaceCompletionInformation (spec 1.15): "
            + "NtSetInformationFile answers STATUS_NOT_IMPLEMENTED";

    @Test
    void r68_cancelIoExOnTheKernelHandleWithNothingPendingIsNotFound() throws Exception {
        OnWindows.assumeNotWine("Wine's CancelIoEx(h, NULL) returns TRUE with nothing pending; Windows returns FALSE "
                + "with ERROR_NOT_FOUND (R68)");
        AsyncSocket[] pair = connectedPair(1, 2);
        long h;
        synchronized (((WindowsHandle) pair[0]).lock) {
            h = ((WindowsHandle) pair[0]).nativeHandle();
        }
        assertEquals(0, Kernel32.CancelIoEx(h, 0));
        assertEquals(ERROR_NOT_FOUND, Kernel32.lastError());
    }

    @Test
    void r71_closingASocketWithAReadPendingQueuesExactlyOnePacketForIt() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        pair[1].close();
        CompletionEntryCopy e = CompletionEntryCopy.of(next());
        assertEquals(r, e.overlapped(), "the packet maps back to the read's Overlapped after the close");
        assertTrue(e.error() != 0, "a failed read");
        assertEquals(0, e.bytes());
        assertFalse(r.isInFlight());
        assertNoPacket();
        assertEquals(ERROR_INVALID_HANDLE, pair[1].read(ByteBuffer.allocateDirect(8), new Overlapped()));
        Overlapped peer = new Overlapped();
        settle(pair[0].read(ByteBuffer.allocateDirect(8), peer), peer);
        assertEquals(0, entry.bytes(), "the peer reads end of stream: the socket really closed");
    }

    @Test
    void r74_underWineReplacingFailsWithTheKernelsErrorAndChangesNothing() throws Exception {
        assumeTrue(WindowsPortProvider.isWine(), "pins Wine's refusal; Windows 8.1 and later replace (R74)");
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        try (CompletionPort other = OnWindows.open(1)) {
            WindowsPortException x = assertThrows(WindowsPortException.class, () -> pair[0].replacePort(other, 11));
            assertTrue(x.getMessage().startsWith("NtSetInformationFile(FileReplaceCompletionInformation) failed: "
                    + "ERROR_INVALID_FUNCTION (1); NTSTATUS 0xc0000002"), x.getMessage());
            assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS, pair[0].completionNotificationModes());
            Overlapped w = new Overlapped();
            assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(4), w));
            assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[2]), new Overlapped()));
            expectPacket(w, 0, 2);
            assertEquals(2, entry.key(), "still the first port and key");
            assertNoPacket(other);
        }
    }

    @Test
    void r70_aReadIssuedByAThreadThatExitedStillCompletes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        int[] issued = new int[1];
        long[] osThread = new long[1];
        Thread t = new Thread(() -> {
            osThread[0] = OsThreadEnd.ofCurrentThread();
            issued[0] = pair[1].read(ByteBuffer.allocateDirect(8), r);
        });
        t.start();
        t.join(PATIENCE_SECONDS * 1000);
        assertEquals(ERROR_IO_PENDING, issued[0]);
        assertFalse(t.isAlive());
        // The read completes after the thread has ended, not while it exits: Wine queues the
        // completion's work to the issuing thread while that thread still lives, and a thread
        // that exits before running it loses the bytes (0 bytes, success; seen once in CI).
        assertTrue(OsThreadEnd.awaitAndClose(osThread[0], (int) (PATIENCE_SECONDS * 1000)), "the OS thread ended");
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        Packet p = packetsFor(w, r).get(r);
        assertEquals(0, p.error(), "not cancelled by the thread's exit (Vista and later, R70)");
        assertEquals(5, p.bytes());
    }

    /** A copy of the last entry, since {@link #next()} reuses it. */
    record CompletionEntryCopy(long key, int bytes, Object overlapped, int error) {
        static CompletionEntryCopy of(org.iocp4j.CompletionEntry e) {
            return new CompletionEntryCopy(e.key(), e.bytes(), e.overlapped(), e.error());
        }
    }
}
