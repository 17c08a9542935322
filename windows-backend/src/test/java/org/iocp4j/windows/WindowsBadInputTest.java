package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad arguments get a clear exception and leave the port as it was; bad handles surface their Win32 error. */
class WindowsBadInputTest {
    /** Not a handle: real handle values are small multiples of 4. */
    private static final long NOT_A_HANDLE = 0x12345678L;

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    @Test
    void aNegativeTimeoutIsRefusedAndThePortIsUntouched() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 1, "kept");
            CompletionEntry e = new CompletionEntry();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> port.dequeue(e, -1, TimeUnit.MILLISECONDS));
            assertTrue(thrown.getMessage().startsWith("timeout must be >= 0"), thrown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> port.poll((k, b, ov, err) -> { }, 1, -5, TimeUnit.SECONDS));
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals("kept", e.overlapped());
        }
    }

    @Test
    void nullArgumentsAreNamed() {
        try (CompletionPort port = OnWindows.open(1)) {
            assertEquals("into", assertThrows(NullPointerException.class, () -> port.dequeue(null)).getMessage());
            assertEquals("unit", assertThrows(NullPointerException.class,
                    () -> port.dequeue(new CompletionEntry(), 1, null)).getMessage());
            assertEquals("handler", assertThrows(NullPointerException.class, () -> port.poll(null, 1)).getMessage());
        }
    }

    @Test
    void aListenerIsRefusedWithTheReason() {
        PortOptions options = PortOptions.builder().concurrency(1).listener((ev, t, k, a, q) -> { }).build();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> CompletionPorts.open(WindowsPortProvider.NAME, options));
        assertTrue(thrown.getMessage().startsWith("options.listener: the windows backend cannot report port events"),
                thrown.getMessage());
    }

    @Test
    void anInvalidHandleSurfacesErrorInvalidHandleAndLeaksNothing() {
        WindowsCompletionPort port = new WindowsCompletionPort(NOT_A_HANDLE, 1, WindowsPortProvider.capabilities());
        assertBadHandleBehaviour(port);
    }

    @Test
    void aClosedHandleSurfacesErrorInvalidHandleAndLeaksNothing() {
        long h = Kernel32.CreateIoCompletionPort(Kernel32.INVALID_HANDLE_VALUE, 0, 0, 1);
        assertEquals(1, Kernel32.CloseHandle(h));
        WindowsCompletionPort port = new WindowsCompletionPort(h, 1, WindowsPortProvider.capabilities());
        assertBadHandleBehaviour(port);
    }

    private static void assertBadHandleBehaviour(WindowsCompletionPort port) {
        WindowsPortException post = assertThrows(WindowsPortException.class, () -> port.post(1, 2, "lost"));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, post.win32Error());
        assertTrue(post.getMessage().startsWith("PostQueuedCompletionStatus failed: ERROR_INVALID_HANDLE (6)"),
                post.getMessage());
        assertEquals(0, port.slotsInUse(), "the failed post freed its slot");
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS));
        assertEquals(DequeueStatus.INVALID_HANDLE, port.poll((k, b, ov, err) -> { }, 4, 0, TimeUnit.MILLISECONDS));
        assertEquals(PortStats.UNKNOWN, port.stats().queuedPackets());
        WindowsPortException close = assertThrows(WindowsPortException.class, port::close);
        assertTrue(close.getMessage().startsWith("CloseHandle failed: ERROR_INVALID_HANDLE (6)"), close.getMessage());
        assertTrue(port.isClosed());
        port.close(); // once closed, quietly idempotent
    }
}
