package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * What the shared IoPacketRulesSuite does not check on the kernel's sockets: the kernel holds the
 * modes the handle reports (R59, R60), a second association is the kernel's own refusal (R9), and
 * an operation pending without a port is finished by the handle's next call.
 */
class WindowsPacketRulesTest extends IoTestSupport {

    @Test
    void r59_r60_theKernelHoldsTheModesTheHandleReports() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        AsyncSocket s = pair[0];
        s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        s.setCompletionNotificationModes(0);
        s.setCompletionNotificationModes(IoHandle.SKIP_SET_EVENT_ON_HANDLE | 0x40);
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                s.completionNotificationModes());
        long h;
        synchronized (((WindowsHandle) s).lock) {
            h = ((WindowsHandle) s).nativeHandle();
        }
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS | IoHandle.SKIP_SET_EVENT_ON_HANDLE,
                ReplaceCompletion.queryModes(h), "the kernel holds the same modes (FileIoCompletionNotificationInformation)");
    }

    /**
     * R63: on a socket of a layered (non-IFS) provider the skip bit is recorded but not given to
     * the kernel, so a synchronous success still queues its packet; it is reported as pending, so
     * that in skip mode ERROR_SUCCESS always means no packet comes.
     */
    @Test
    void r63_onALayeredProviderASkipModeSuccessIsReportedPendingAndItsPacketComes() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ((WindowsAsyncSocket) pair[0]).assumeLayeredProvider();
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        assertEquals(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS, pair[0].completionNotificationModes(), "recorded");
        long h;
        synchronized (((WindowsHandle) pair[0]).lock) {
            h = ((WindowsHandle) pair[0]).nativeHandle();
        }
        assertEquals(0, ReplaceCompletion.queryModes(h), "not given to the kernel");
        Overlapped w = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        assertTrue(w.isInFlight());
        expectPacket(w, 0, 5);
        assertNoPacket();
    }

    @Test
    void r9_aSecondAssociationFailsWithTheKernelsErrorAndTheFirstStays() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        try (CompletionPort other = OnWindows.open(1)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> pair[0].associate(other, 9));
            assertTrue(x instanceof WindowsPortException, "the kernel refused it: " + x);
            assertEquals(Win32Error.ERROR_INVALID_PARAMETER, ((WindowsPortException) x).win32Error());
            assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_PARAMETER (87)"),
                    x.getMessage());
            assertThrows(IllegalStateException.class, () -> pair[0].associate(port, 9), "even with the same port");
            Overlapped w = new Overlapped();
            settle(pair[0].write(ByteBuffer.wrap(new byte[1]), w), w);
            assertEquals(1, entry.key(), "still the first key, on the first port");
            assertNoPacket(other);
        }
    }

    @Test
    void r9_aSecondAssociationBeforeTheSocketExistsFailsToo() throws Exception {
        AsyncSocket lazy = socket();
        lazy.associate(port, 1);
        try (CompletionPort other = OnWindows.open(1)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> lazy.associate(other, 9));
            assertTrue(x.getMessage().contains("ERROR_INVALID_PARAMETER (87)"), x.getMessage());
        }
    }

    @Test
    void withoutAPortAPendingReadIsFinishedByTheHandlesNextCall() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 7);
        AsyncSocket portless = socket();
        AsyncSocket dialer = socket();
        dialer.associate(port, 8);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        requireStarted(l.accept(portless, acc));
        requireStarted(dialer.connect(l.localAddress(), con));
        packetsFor(acc, con);

        ByteBuffer in = ByteBuffer.allocate(8);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, portless.read(in, r));
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, dialer.write(ByteBuffer.wrap(new byte[] {4, 5}), w));
        packetsFor(w);
        // no packet can come; a later call on the handle finds the kernel done and finishes the read
        OnWindows.awaitUntil("the read is finished", () -> portless.cancelAll() == Win32Error.ERROR_NOT_FOUND
                && !r.isInFlight());
        assertEquals(2, r.bytesTransferred());
        assertEquals(0, r.error());
        assertEquals(2, in.position(), "the heap copy landed in the caller's buffer");
        assertNoPacket();
    }
}
