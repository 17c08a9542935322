package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_MORE_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * A read that ends at once with a warning: a message-mode pipe read into a buffer shorter than the
 * message (STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA). ReadFile answers FALSE, yet a warning is not
 * an error: the data moved and the packet is queued (spec 1.10, 1.12), so the operation is not a
 * synchronous failure (R52) and its block must live until that packet is dequeued.
 */
class WindowsWarningCompletionTest extends IoTestSupport {
    /** The named-pipe calls this test needs; the backend itself has no pipes. */
    static final class Pipes {
        static {
            Native.register(Pipes.class, NativeLibrary.getInstance("kernel32"));
        }

        static native long CreateNamedPipeW(long name, int openMode, int pipeMode, int maxInstances, int outSize,
                int inSize, int timeout, long security);

        static native int WriteFile(long file, long buffer, int length, long bytesOut, long overlapped);
    }

    private static final int PIPE_ACCESS_DUPLEX = 3;
    private static final int PIPE_TYPE_MESSAGE = 4;
    private static final int PIPE_READMODE_MESSAGE = 2;

    private long client;

    @Test
    void aReadEndingWithMoreDataHasItsPacketWithItsBytes() {
        AsyncFile server = pipeWithTenByteMessage("a");
        ByteBuffer head = ByteBuffer.allocateDirect(4);
        Overlapped first = new Overlapped("first");
        assertEquals(ERROR_IO_PENDING, server.read(head, 0, first), "its packet comes, so it is no failure (R52)");
        ByteBuffer rest = ByteBuffer.allocate(6); // a heap buffer: copied back when its packet is dequeued
        Overlapped second = new Overlapped("second");
        int issued = server.read(rest, 0, second);

        expectPacket(first, ERROR_MORE_DATA, 4); // the first read's own packet, not matched to the second
        assertEquals(4, head.position());
        assertEquals(3, head.get(2));
        settle(issued, second);
        assertEquals(6, rest.position());
        assertEquals(10, rest.get(5));
        assertNoPacket();
    }

    @Test
    void r56_inSkipModeAWarningQueuesNothingAndAnswersAtOnce() {
        AsyncFile server = pipeWithTenByteMessage("b");
        server.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        ByteBuffer head = ByteBuffer.allocateDirect(4);
        Overlapped first = new Overlapped();
        int issued = server.read(head, 0, first);
        if (issued == ERROR_IO_PENDING) { // the kernel queued its packet after all
            expectPacket(first, ERROR_MORE_DATA, 4);
        } else {
            assertEquals(Win32Error.describe(ERROR_MORE_DATA), Win32Error.describe(issued));
            assertFalse(first.isInFlight());
            assertEquals(4, first.bytesTransferred());
            assertNoPacket();
        }
        assertEquals(4, head.position());
    }

    @Test
    void anEntryThatCannotBeFinishedDoesNotCostTheRestOfItsBatch() {
        AsyncFile server = pipe("c");
        ByteBuffer cut = ByteBuffer.allocate(4);
        Overlapped bad = new Overlapped("bad");
        assertEquals(ERROR_IO_PENDING, server.read(cut, 0, bad));
        cut.limit(1); // the caller's misuse: the bytes no longer fit when the packet is dequeued
        writeMessage(4);
        OnWindows.awaitUntil("the read's packet queued", () -> port.stats().queuedPackets() == 1);
        port.post(5, 0, "posted-1");
        port.post(6, 0, "posted-2");
        List<Object> seen = new CopyOnWriteArrayList<>();
        RuntimeException thrown = null;
        try {
            port.poll((key, bytes, ov, error) -> seen.add(ov), 8, PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (IndexOutOfBoundsException e) {
            thrown = e;
        }
        assertNotEquals(null, thrown, "the entry that could not be finished is reported");
        assertEquals(List.of("posted-1", "posted-2"), seen, "the rest of the batch is delivered");
        assertFalse(bad.isInFlight(), "its Overlapped is completed all the same");
        assertEquals(0, ((WindowsCompletionPort) port).slotsInUse());
        CompletionEntry e = new CompletionEntry();
        assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.SECONDS));
        assertSame(null, e.overlapped());
    }

    /** A message-mode pipe: the server end as an AsyncFile on the port, a client that wrote bytes 1..10 as one message. */
    private AsyncFile pipeWithTenByteMessage(String suffix) {
        AsyncFile server = pipe(suffix);
        writeMessage(10);
        return server;
    }

    /** A message-mode pipe: the server end as an AsyncFile on the port; the client end in {@link #client}. */
    private AsyncFile pipe(String suffix) {
        String path = "\\\\.\\pipe\\iocp4j-warning-" + suffix + "-" + ProcessHandle.current().pid();
        long wide = NativeMemory.wideString(path);
        long serverEnd;
        try {
            serverEnd = Pipes.CreateNamedPipeW(wide, PIPE_ACCESS_DUPLEX | Kernel32.FILE_FLAG_OVERLAPPED,
                    PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 4096, 4096, 0, 0);
            assertNotEquals(Kernel32.INVALID_HANDLE_VALUE, serverEnd, "CreateNamedPipeW: " + Native.getLastError());
            client = Kernel32.CreateFileW(wide, Kernel32.GENERIC_READ | Kernel32.GENERIC_WRITE, 0, 0,
                    Kernel32.OPEN_EXISTING, 0, 0);
            assertNotEquals(Kernel32.INVALID_HANDLE_VALUE, client, "CreateFileW: " + Native.getLastError());
        } finally {
            NativeMemory.free(wide);
        }
        AsyncFile server = closeLater(WindowsAsyncFile.adopt(serverEnd, path));
        long clientEnd = client;
        closeLater(() -> Kernel32.CloseHandle(clientEnd));
        server.associate(port, 77);
        return server;
    }

    /** The client writes bytes 1..n as one message. */
    private void writeMessage(int n) {
        long message = NativeMemory.allocate(n + 4L);
        try {
            for (int i = 0; i < n; i++) {
                NativeMemory.putByte(message + i, (byte) (i + 1));
            }
            assertEquals(1, Pipes.WriteFile(client, message, n, message + n, 0), "WriteFile: " + Native.getLastError());
        } finally {
            NativeMemory.free(message);
        }
    }
}
