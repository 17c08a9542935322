package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The raw kernel32 calls the backend is built on, with the results spec 1.8-1.11 gives: the
 * reference itself, checked here (and, under Wine, where Wine differs).
 */
class KernelReferenceTest {
    private static final long DEADBEEF = 0xdeadbeefL;

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    private static long newPort() {
        long h = Kernel32.CreateIoCompletionPort(Kernel32.INVALID_HANDLE_VALUE, 0, 0, 1);
        assertNotEquals(0, h, () -> "CreateIoCompletionPort: " + Win32Error.describe(Kernel32.lastError()));
        return h;
    }

    /** bytes at 0, key at 8, overlapped at 16, pre-filled with 0xdeadbeef. */
    private static Memory outParams() {
        Memory m = new Memory(24);
        m.setLong(0, DEADBEEF);
        m.setLong(8, DEADBEEF);
        m.setLong(16, DEADBEEF);
        return m;
    }

    private static int gqcs(long port, Memory out, int ms) {
        long a = Pointer.nativeValue(out);
        return Kernel32.GetQueuedCompletionStatus(port, a, a + 8, a + 16, ms);
    }

    @Test
    void r40_aTimeoutWritesANullOverlappedAndLeavesBytesAndKey() {
        long port = newPort();
        try {
            Memory out = outParams();
            assertEquals(0, gqcs(port, out, 10));
            assertEquals(Win32Error.WAIT_TIMEOUT, Kernel32.lastError());
            assertEquals(0, out.getLong(16), "*lpOverlapped = NULL");
            assertEquals(DEADBEEF, out.getLong(8), "key untouched");
            assertEquals(DEADBEEF, out.getInt(0) & 0xffffffffL, "bytes untouched");
        } finally {
            Kernel32.CloseHandle(port);
        }
    }

    @Test
    void r16_aPostedPacketDequeuesTrueWithItsValues() {
        long port = newPort();
        try {
            assertEquals(1, Kernel32.PostQueuedCompletionStatus(port, 7, 0x1122334455667788L, 0x99L));
            Memory out = outParams();
            assertEquals(1, gqcs(port, out, 0));
            assertEquals(7, out.getInt(0));
            assertEquals(0x1122334455667788L, out.getLong(8));
            assertEquals(0x99L, out.getLong(16));
        } finally {
            Kernel32.CloseHandle(port);
        }
    }

    @Test
    void r19_r36_callsOnAClosedHandleFailWithInvalidHandle() {
        long port = newPort();
        assertEquals(1, Kernel32.CloseHandle(port));
        assertEquals(0, Kernel32.PostQueuedCompletionStatus(port, 1, 1, 0));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, Kernel32.lastError());
        assertEquals(0, gqcs(port, outParams(), 0));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, Kernel32.lastError());
    }

    @Test
    void r49_anApcEndsAnAlertableWaitWithWaitIoCompletion() {
        long port = newPort();
        try {
            AtomicIntegerArray result = new AtomicIntegerArray(2);
            WindowsThread[] record = new WindowsThread[1];
            Thread t = OnWindows.start("alertable", () -> {
                record[0] = WindowsThread.current();
                Memory entries = new Memory(8 + WindowsThread.ENTRY_SIZE);
                long a = Pointer.nativeValue(entries);
                result.set(0, Kernel32.GetQueuedCompletionStatusEx(port, a + 8, 1, a, 30_000, 1));
                result.set(1, Kernel32.lastError());
            });
            OnWindows.awaitWaiting(t);
            assertEquals(1, Kernel32.QueueUserAPC(Kernel32.NO_OP_APC, record[0].handle, 0));
            OnWindows.awaitEnd(t);
            assertEquals(0, result.get(0));
            assertEquals(Win32Error.WAIT_IO_COMPLETION, result.get(1));
        } finally {
            Kernel32.CloseHandle(port);
        }
    }

    @Test
    void r49_aQueuedPacketWinsOverAPendingApc() {
        long port = newPort();
        try {
            assertEquals(1, Kernel32.PostQueuedCompletionStatus(port, 3, 4, 0));
            assertEquals(1, Kernel32.QueueUserAPC(Kernel32.NO_OP_APC, WindowsThread.current().handle, 0));
            Memory entries = new Memory(8 + WindowsThread.ENTRY_SIZE);
            long a = Pointer.nativeValue(entries);
            assertEquals(1, Kernel32.GetQueuedCompletionStatusEx(port, a + 8, 1, a, 0, 1), "the packet wins");
            assertEquals(1, entries.getInt(0));
            assertEquals(0, Kernel32.GetQueuedCompletionStatusEx(port, a + 8, 1, a, 0, 1), "then the APC runs");
            assertEquals(Win32Error.WAIT_IO_COMPLETION, Kernel32.lastError());
        } finally {
            Kernel32.CloseHandle(port);
        }
    }

    @Test
    void r15_r77_aPacketPostedToAWaitingThreadIsHandedOverNeverQueued() {
        OnWindows.assumeNotWine(OnWindows.WINE_QUEUES_HANDED_PACKETS);
        long port = newPort();
        try {
            AtomicIntegerArray result = new AtomicIntegerArray(1);
            Thread t = OnWindows.start("kernel-waiter", () -> result.set(0, gqcs(port, outParams(), 30_000)));
            OnWindows.awaitWaiting(t);
            assertEquals(1, Kernel32.PostQueuedCompletionStatus(port, 1, 1, 0));
            Memory depth = new Memory(4);
            assertEquals(0, Ntdll.NtQueryIoCompletion(port, Ntdll.IO_COMPLETION_BASIC_INFORMATION,
                    Pointer.nativeValue(depth), 4, 0));
            assertEquals(0, depth.getInt(0), "handed to the waiter inside the post: never queued (R77)");
            assertEquals(0, gqcs(port, outParams(), 0), "a later remover finds nothing to take (R15)");
            assertEquals(Win32Error.WAIT_TIMEOUT, Kernel32.lastError());
            OnWindows.awaitEnd(t);
            assertEquals(1, result.get(0));
        } finally {
            Kernel32.CloseHandle(port);
        }
    }

    /** The kernel's own R33, which WindowsCompletionPort does not depend on (it wakes waiters with an APC). */
    @Test
    void r33_closingThePortHandleAbandonsAKernelWaiter() {
        OnWindows.assumeNotWine("closing the port handle does not wake a GetQueuedCompletionStatus waiter "
                + "(measured on Wine 8.0: it waits out its timeout and gets WAIT_TIMEOUT), the XP behaviour of R34");
        long port = newPort();
        AtomicIntegerArray result = new AtomicIntegerArray(2);
        Thread t = OnWindows.start("kernel-waiter", () -> {
            result.set(0, gqcs(port, outParams(), 30_000));
            result.set(1, Kernel32.lastError());
        });
        OnWindows.awaitWaiting(t);
        assertEquals(1, Kernel32.CloseHandle(port));
        OnWindows.awaitEnd(t);
        assertEquals(0, result.get(0));
        assertEquals(Win32Error.ERROR_ABANDONED_WAIT_0, result.get(1));
    }
}
