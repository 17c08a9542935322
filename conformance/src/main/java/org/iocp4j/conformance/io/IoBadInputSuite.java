package org.iocp4j.conformance.io;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a clear error naming what is wrong; it starts nothing, queues nothing and changes nothing. */
public abstract class IoBadInputSuite extends IoSuite {
    /** Where the file tests put their files (the simulator keeps them in memory under this name). */
    @TempDir
    protected Path dir;

    /** For subclasses. */
    protected IoBadInputSuite() {}

    private static void assertMentions(Exception x, String what) {
        assertTrue(x.getMessage().contains(what), () -> "message should name '" + what + "': " + x.getMessage());
    }

    @Test
    public void aReadNeedsAWritableBufferWithRoom() throws Exception {
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
    public void scatterAndGatherNeedDirectBuffers() throws Exception {
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
    public void anOperationOnAClosedHandleFailsAtOnceWithInvalidHandle() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].close();
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, pair[0].write(ByteBuffer.wrap(new byte[1]), ov));
        assertEquals(ERROR_INVALID_HANDLE, pair[0].read(ByteBuffer.allocate(1), ov));
        assertFalse(ov.isInFlight());
        assertThrows(ClosedChannelException.class, pair[0]::shutdownOutput);
        AsyncServerSocket l = closeLater(io.openServerSocket());
        l.close();
        assertThrows(ClosedChannelException.class, () -> l.bind(new InetSocketAddress(address(), 0), 1));
        assertNoPacket();
    }

    @Test
    public void aClosedPortOpensNothingAndTakesNoHandle() throws Exception {
        CompletionPort closed = openPort(1);
        IoFactory closedIo = closed.io();
        closed.close();
        assertMentions(assertThrows(IllegalStateException.class, closedIo::openSocket), "closed");
        assertMentions(assertThrows(IllegalStateException.class, closedIo::openServerSocket), "closed");
        AsyncSocket s = socket();
        assertMentions(assertThrows(IllegalStateException.class, () -> s.associate(closed, 1)), "closed");
        s.associate(port, 1); // still free
    }

    @Test
    public void aHandleRefusesAPortOfAnotherBackend() throws Exception {
        AsyncSocket s = socket();
        try (CompletionPort java = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> s.associate(java, 1)), "backend");
        }
        s.associate(port, 1); // still free
    }

    @Test
    public void connectNeedsAResolvedAddressAndAFreshSocket() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        AsyncSocket fresh = socket();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> fresh.connect(InetSocketAddress.createUnresolved("example.invalid", 80), ov)), "unresolved");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> pair[0].connect(new InetSocketAddress(address(), 9), ov)), "already connected");
        assertFalse(ov.isInFlight());
        assertNull(fresh.remoteAddress());
        assertNoPacket();
    }

    @Test
    public void acceptNeedsABoundListenerAndAFreshTargetOfTheSameBackend() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        AsyncServerSocket unbound = closeLater(io.openServerSocket());
        AsyncSocket target = socket();
        assertMentions(assertThrows(IllegalStateException.class, () -> unbound.accept(target, ov)), "bind");
        AsyncServerSocket l = listener();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(pair[0], ov)), "freshly opened");
        AsyncSocket closedTarget = socket();
        closedTarget.close();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(closedTarget, ov)), "closed");
        AsyncSocket promised = socket();
        Overlapped first = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(promised, first));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> l.accept(promised, ov)), "promised");
        AsyncSocket other = socket();
        assertThrows(IllegalStateException.class, () -> l.accept(other, first), "R67: its Overlapped is in flight");
        assertFalse(ov.isInFlight());
        l.cancelAll();
        l.associate(port, 3);
        assertNoPacket(); // the cancelled accept had no port then
        assertEquals(ERROR_IO_PENDING, l.accept(promised, ov), "the refused calls left the target free");
        l.cancel(ov);
        next();
    }

    @Test
    public void filesRefuseAppendForeignOptionsAndNegativeOffsets() throws Exception {
        Path p = dir.resolve("x");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> io.openFile(p, WRITE, CREATE, APPEND)), "APPEND");
        assertThrows(NoSuchFileException.class, () -> io.openFile(p, READ), "the refused open created nothing");
        OpenOption foreign = new OpenOption() {
            @Override
            public String toString() {
                return "FOREIGN";
            }
        };
        assertMentions(assertThrows(UnsupportedOperationException.class,
                () -> io.openFile(p, WRITE, CREATE, foreign)), "options[2]: FOREIGN");
        assertThrows(NoSuchFileException.class, () -> io.openFile(p, READ), "nor did this one");
        AsyncFile f = closeLater(io.openFile(p, WRITE, CREATE));
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> f.write(ByteBuffer.allocate(1), -1, new Overlapped())), "position");
        assertEquals(0, f.size());
        f.close();
        assertThrows(IllegalStateException.class, f::size);
        assertEquals(ERROR_INVALID_HANDLE, f.write(ByteBuffer.allocate(1), 0, new Overlapped()));
    }

    @Test
    public void bindingAnAddressInUseFailsAndLeavesTheListenerFree() throws Exception {
        AsyncServerSocket taken = listener();
        AsyncServerSocket second = closeLater(io.openServerSocket());
        BindException e = assertThrows(BindException.class, () -> second.bind(taken.localAddress(), 1),
                "java.net's own exception for it, as the JDK's channels throw, on every backend");
        assertTrue(e.getMessage().contains("WSAEADDRINUSE"), e.getMessage());
        assertNull(second.localAddress(), "nothing bound");
        second.bind(new InetSocketAddress(address(), 0), 1);
        assertTrue(second.localAddress().getPort() > 0);
        assertThrows(IllegalStateException.class, () -> second.bind(new InetSocketAddress(address(), 0), 1),
                "a second bind");
    }
}
