package org.iocp4j.windows;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_INVALID_PARAMETER;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is a clear error naming what is wrong, or the kernel's Win32 error with its name and
 * number; it starts nothing, queues nothing, changes nothing, and leaks no block or handle (the
 * after-test check of {@link IoTestSupport}).
 */
class WindowsIoBadInputTest extends IoTestSupport {
    /** Not a handle: the kernel answers ERROR_INVALID_HANDLE. */
    private static final long NOT_A_HANDLE = 0x12345678L;

    @TempDir
    Path dir;

    private static void assertMentions(Exception x, String what) {
        assertTrue(x.getMessage().contains(what), () -> "message should name '" + what + "': " + x.getMessage());
    }

    /** A file handle opened without FILE_FLAG_OVERLAPPED, as a raw-handle caller might bring one. */
    private AsyncFile synchronousFile(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, new byte[] {1, 2, 3});
        long wide = NativeMemory.wideString(p.toAbsolutePath().toString());
        long h;
        try {
            h = Kernel32.CreateFileW(wide, Kernel32.GENERIC_READ, Kernel32.FILE_SHARE_READ, 0, Kernel32.OPEN_EXISTING,
                    Kernel32.FILE_ATTRIBUTE_NORMAL, 0);
        } finally {
            NativeMemory.free(wide);
        }
        assertTrue(h != Kernel32.INVALID_HANDLE_VALUE, "CreateFileW");
        return closeLater(WindowsAsyncFile.adopt(h, name));
    }

    @Test
    void r8_aHandleNotOpenedForOverlappedIoFailsAssociationWithInvalidParameter() throws Exception {
        AsyncFile f = synchronousFile("sync");
        WindowsPortException x = assertThrows(WindowsPortException.class, () -> f.associate(port, 1));
        assertEquals(ERROR_INVALID_PARAMETER, x.win32Error());
        assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_PARAMETER (87)"), x.getMessage());
        assertMentions(x, "R8");
        assertThrows(WindowsPortException.class, () -> f.associate(port, 1), "still not associated: refused again");
        assertThrows(IllegalStateException.class, () -> f.replacePort(port, 1), "never associated (R75)");
        assertNoPacket();
    }

    @Test
    void r60_modesOnAHandleNotOpenedForOverlappedIoAreRefused() throws Exception {
        AsyncFile f = synchronousFile("sync-modes");
        WindowsPortException x = assertThrows(WindowsPortException.class,
                () -> f.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS));
        assertEquals(ERROR_INVALID_PARAMETER, x.win32Error(), x.getMessage());
        assertEquals(0, f.completionNotificationModes(), "nothing recorded");
    }

    @Test
    void anInvalidHandleSurfacesErrorInvalidHandle() {
        AsyncFile f = closeLater(WindowsAsyncFile.adopt(NOT_A_HANDLE, "not a handle"));
        WindowsPortException x = assertThrows(WindowsPortException.class, () -> f.associate(port, 1));
        assertEquals(ERROR_INVALID_HANDLE, x.win32Error());
        assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_HANDLE (6)"), x.getMessage());
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, f.read(ByteBuffer.allocate(4), 0, ov), "ReadFile's own answer, at once");
        assertFalse(ov.isInFlight());
        assertEquals(ERROR_INVALID_HANDLE, ov.error());
        WindowsPortException size = assertThrows(WindowsPortException.class, f::size);
        assertTrue(size.getMessage().startsWith("GetFileSizeEx failed: ERROR_INVALID_HANDLE (6)"), size.getMessage());
        assertNoPacket();
    }

    @Test
    void aReadNeedsAWritableBufferWithRoom() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> pair[0].read(ByteBuffer.allocateDirect(0), ov)), "dst");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> pair[0].read(ByteBuffer.allocateDirect(4).asReadOnlyBuffer(), ov)), "read-only");
        assertFalse(ov.isInFlight(), "nothing started");
        assertNoPacket();
        assertEquals(ERROR_IO_PENDING, pair[0].read(ByteBuffer.allocateDirect(4), ov), "the Overlapped is still free");
        pair[0].cancel(ov);
        next();
    }

    @Test
    void scatterAndGatherNeedDirectBuffers() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        ByteBuffer heap = ByteBuffer.allocate(4);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> pair[0].write(new ByteBuffer[] {ByteBuffer.allocateDirect(1), heap}, ov)), "srcs[1]");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> pair[0].read(new ByteBuffer[] {heap}, ov)), "direct");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> pair[0].read(new ByteBuffer[] {ByteBuffer.allocateDirect(0)}, ov)), "nothing remaining");
        assertThrows(NullPointerException.class, () -> pair[0].write(new ByteBuffer[] {null}, ov));
        assertEquals(0, heap.position());
        assertFalse(ov.isInFlight());
        assertNoPacket();
    }

    @Test
    void anOperationOnAClosedHandleFailsAtOnceWithInvalidHandle() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].close();
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, pair[0].write(ByteBuffer.wrap(new byte[1]), ov));
        assertEquals(ERROR_INVALID_HANDLE, pair[0].read(ByteBuffer.allocate(1), ov));
        assertEquals(ERROR_INVALID_HANDLE, pair[0].connect(new InetSocketAddress(LOOPBACK, 9), ov));
        assertFalse(ov.isInFlight());
        assertThrows(ClosedChannelException.class, pair[0]::shutdownOutput);
        assertNull(pair[0].localAddress());
        assertMentions(assertThrows(IllegalStateException.class, () -> pair[0].associate(port, 3)), "closed");
        AsyncServerSocket l = closeLater(io.openServerSocket());
        l.close();
        assertThrows(ClosedChannelException.class, () -> l.bind(new InetSocketAddress(LOOPBACK, 0), 1));
        assertNoPacket();
    }

    @Test
    void aClosedPortOpensNothingAndTakesNoHandle() throws Exception {
        CompletionPort closed = OnWindows.open(1);
        IoFactory closedIo = closed.io();
        closed.close();
        assertMentions(assertThrows(IllegalStateException.class, closedIo::openSocket), "closed");
        assertMentions(assertThrows(IllegalStateException.class, closedIo::openServerSocket), "closed");
        AsyncSocket s = socket();
        assertMentions(assertThrows(IllegalStateException.class, () -> s.associate(closed, 1)), "closed");
        s.associate(port, 1); // still free
    }

    @Test
    void aHandleRefusesAPortOfAnotherBackend() throws Exception {
        AsyncSocket s = socket();
        try (CompletionPort java = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> s.associate(java, 1)), "backend");
        }
        s.associate(port, 1);
    }

    @Test
    void connectNeedsAResolvedAddressAndAFreshSocket() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> socket().connect(InetSocketAddress.createUnresolved("example.invalid", 80), ov)), "unresolved");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> pair[0].connect(new InetSocketAddress(LOOPBACK, 9), ov)), "already connected");
        assertFalse(ov.isInFlight());
        assertNoPacket();
    }

    @Test
    void acceptNeedsABoundListenerAndAFreshTargetOfTheSameBackend() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        AsyncServerSocket unbound = closeLater(io.openServerSocket());
        assertMentions(assertThrows(IllegalStateException.class, () -> unbound.accept(socket(), ov)), "bind");
        AsyncServerSocket l = listener();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(pair[0], ov)), "freshly opened");
        AsyncSocket closedTarget = socket();
        closedTarget.close();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(closedTarget, ov)), "closed");
        AsyncSocket promised = socket();
        Overlapped first = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(promised, first));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(promised, ov)), "promised");
        AsyncSocket spare = socket();
        assertThrows(IllegalStateException.class, () -> l.accept(spare, first), "R67: its Overlapped is in flight");
        assertNull(spare.localAddress(), "the refused accept left its target without a socket");
        assertFalse(ov.isInFlight());
        l.cancelAll();
        l.associate(port, 3);
        assertNoPacket(); // the cancelled accept had no port then
        assertEquals(ERROR_IO_PENDING, l.accept(promised, ov), "the refused calls left the target free");
        l.cancel(ov);
        next();
    }

    @Test
    void filesRefuseAppendAndNegativeOffsets() throws Exception {
        Path p = dir.resolve("x");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> io.openFile(p, WRITE, CREATE, APPEND)), "APPEND");
        assertFalse(Files.exists(p), "nothing was created");
        AsyncFile f = closeLater(io.openFile(p, WRITE, CREATE));
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> f.write(ByteBuffer.allocate(1), -1, new Overlapped())), "position");
        f.close();
        assertThrows(IllegalStateException.class, f::size);
        assertEquals(ERROR_INVALID_HANDLE, f.write(ByteBuffer.allocate(1), 0, new Overlapped()));
    }

    @Test
    void bindingAnAddressInUseFailsAndLeavesTheListenerFree() throws Exception {
        AsyncServerSocket taken = listener();
        AsyncServerSocket second = closeLater(io.openServerSocket());
        java.io.IOException x = assertThrows(java.io.IOException.class, () -> second.bind(taken.localAddress(), 1));
        assertMentions(x, "WSAEADDRINUSE (10048)");
        assertNull(second.localAddress(), "nothing bound");
        second.bind(new InetSocketAddress(LOOPBACK, 0), 1);
        assertTrue(second.localAddress().getPort() > 0);
        assertThrows(IllegalStateException.class, () -> second.bind(new InetSocketAddress(LOOPBACK, 0), 1),
                "a second bind");
    }
}
