package org.iocp4j.unix.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a backend's own real-socket tests share (facts of one kernel, such as Linux's way of
 * reporting connect failures; the rules every backend shares are the I/O conformance suites, run
 * here through {@link UnixIoFixture}): a port of the backend under test, its io(), loopback
 * connections, and waiting for packets on the port itself (a dequeue with a timeout, never a
 * sleep). Every handle a test opens is closed after it, and {@link FdLeakCheck} checks the class
 * leaked no descriptor. A test class subclasses it and names its backend in {@link #backend()}.
 */
@ExtendWith(FdLeakCheck.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IoSuiteSupport {
    protected static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** How long a packet that must come may take; only a failing test waits this long. */
    protected static final long PATIENCE_SECONDS = 10;

    protected CompletionPort port;
    protected IoFactory io;
    protected final CompletionEntry entry = new CompletionEntry();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @BeforeEach
    void openPort() {
        port = backend().open(PortOptions.withConcurrency(2));
        io = port.io();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
        port.close();
    }

    protected <T extends AutoCloseable> T closeLater(T handle) {
        toClose.add(handle);
        return handle;
    }

    protected AsyncSocket socket() throws IOException {
        return closeLater(io.openSocket());
    }

    protected AsyncServerSocket listener() throws IOException {
        AsyncServerSocket l = closeLater(io.openServerSocket());
        l.bind(new InetSocketAddress(LOOPBACK, 0), 16);
        return l;
    }

    /** The next packet; fails if none comes. */
    protected CompletionEntry next() {
        return next(port);
    }

    protected CompletionEntry next(CompletionPort p) {
        DequeueStatus s = p.dequeue(entry, PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(DequeueStatus.TIMEOUT, s, "no packet came");
        return entry;
    }

    /** Nothing is queued now. */
    protected void assertNoPacket() {
        assertNoPacket(port);
    }

    protected void assertNoPacket(CompletionPort p) {
        assertEquals(DequeueStatus.TIMEOUT, p.dequeue(entry, 0, TimeUnit.MILLISECONDS),
                () -> "unexpected packet: key " + entry.key() + ", error " + Win32Error.describe(entry.error()));
    }

    /** The next packet is for {@code ov}, with {@code error} and {@code bytes}. */
    protected void expectPacket(Overlapped ov, int error, int bytes) {
        CompletionEntry e = next();
        assertEquals(ov, e.overlapped(), "packet for another operation");
        assertEquals(Win32Error.describe(error), Win32Error.describe(e.error()));
        assertEquals(bytes, e.bytes());
    }

    /** Completes {@code ov} as issued: a synchronous success consumes its packet (R51), a pending one waits for it. */
    protected void settle(int issued, Overlapped ov) {
        if (issued == Win32Error.ERROR_SUCCESS || issued == Win32Error.ERROR_IO_PENDING) {
            CompletionEntry e = next();
            assertEquals(ov, e.overlapped());
            assertEquals(0, e.error(), () -> Win32Error.describe(e.error()));
        } else {
            throw new AssertionError("operation failed: " + Win32Error.describe(issued));
        }
    }

    /** One dequeued packet, copied. */
    protected record Packet(long key, int bytes, Object overlapped, int error) {}

    /**
     * The packets of {@code ovs}, one each, in whatever order they come (a loop thread and the
     * caller may post concurrently); fails on a packet for anything else or a second one.
     */
    protected java.util.Map<Overlapped, Packet> packetsFor(Overlapped... ovs) {
        java.util.Map<Overlapped, Packet> got = new java.util.IdentityHashMap<>();
        java.util.Set<Overlapped> want = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        want.addAll(List.of(ovs));
        while (got.size() < ovs.length) {
            CompletionEntry e = next();
            Overlapped ov = (Overlapped) e.overlapped();
            if (!want.contains(ov) || got.containsKey(ov)) {
                throw new AssertionError("unexpected packet for " + ov + ", error " + Win32Error.describe(e.error()));
            }
            got.put(ov, new Packet(e.key(), e.bytes(), ov, e.error()));
        }
        return got;
    }

    /** A connected pair over loopback: [client, server side], both associated with the port. */
    protected AsyncSocket[] connectedPair(long clientKey, long serverKey) throws IOException {
        AsyncServerSocket l = listener();
        AsyncSocket client = socket();
        AsyncSocket server = socket();
        client.associate(port, clientKey);
        server.associate(port, serverKey);
        l.associate(port, serverKey);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        int a = l.accept(server, acc);
        int c = client.connect(l.localAddress(), con);
        settleBoth(a, acc, c, con);
        return new AsyncSocket[] {client, server};
    }

    private void settleBoth(int a, Overlapped acc, int c, Overlapped con) {
        for (int[] left = {isPacket(a), isPacket(c)}; left[0] + left[1] > 0; ) {
            CompletionEntry e = next();
            assertEquals(0, e.error(), () -> Win32Error.describe(e.error()));
            if (e.overlapped() == acc) {
                left[0]--;
            } else if (e.overlapped() == con) {
                left[1]--;
            } else {
                throw new AssertionError("unexpected packet " + e.overlapped());
            }
        }
    }

    private static int isPacket(int issued) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("failed at once: " + Win32Error.describe(issued));
        }
        return 1;
    }
}
