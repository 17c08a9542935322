package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the I/O tests share: a port of the windows backend and its io(), loopback connections, and
 * waiting for packets on the port itself (a dequeue with a timeout, never a sleep). Every handle a
 * test opens is closed after it, then the port; then no operation block may be left (the stale
 * ones are swept once the kernel is done with them) and no kernel handle may have leaked.
 */
abstract class IoTestSupport {
    /**
     * 127.0.0.1, spelled out: InetAddress.getLoopbackAddress() asks the network interfaces, and
     * Wine 8.0 lacks GetAnycastIpAddressTable, which kills the JVM (docs/windows.md).
     */
    static final InetAddress LOOPBACK = loopback();
    /** How long a packet that must come may take; only a failing test waits this long. */
    static final long PATIENCE_SECONDS = 10;

    CompletionPort port;
    IoFactory io;
    final CompletionEntry entry = new CompletionEntry();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private int handlesBefore;

    @BeforeEach
    void openPort() {
        OnWindows.assumeAvailable();
        handlesBefore = Handles.count();
        port = OnWindows.open(2);
        io = port.io();
    }

    @AfterEach
    void closeEverythingAndCheckForLeaks() throws Exception {
        if (port == null) {
            return; // skipped
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
        port.close();
        OnWindows.awaitUntil("every operation block freed (" + OpTable.inUse() + " left, " + OpTable.stale()
                + " stale)", () -> {
                    OpTable.sweep();
                    return OpTable.inUse() == 0;
                });
        OnWindows.awaitUntil("no kernel handle leaked (" + handlesBefore + " before, " + Handles.count() + " now)",
                () -> Handles.count() <= handlesBefore);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e); // four bytes are a valid IPv4 address
        }
    }

    <T extends AutoCloseable> T closeLater(T handle) {
        toClose.add(handle);
        return handle;
    }

    AsyncSocket socket() throws IOException {
        return closeLater(io.openSocket());
    }

    AsyncServerSocket listener() throws IOException {
        AsyncServerSocket l = closeLater(io.openServerSocket());
        l.bind(new InetSocketAddress(LOOPBACK, 0), 16);
        return l;
    }

    /** The next packet; fails if none comes. */
    CompletionEntry next() {
        return next(port);
    }

    CompletionEntry next(CompletionPort p) {
        DequeueStatus s = p.dequeue(entry, PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(DequeueStatus.TIMEOUT, s, "no packet came");
        return entry;
    }

    /** Nothing is queued now. */
    void assertNoPacket() {
        assertNoPacket(port);
    }

    void assertNoPacket(CompletionPort p) {
        assertEquals(DequeueStatus.TIMEOUT, p.dequeue(entry, 0, TimeUnit.MILLISECONDS),
                () -> "unexpected packet: key " + entry.key() + ", error " + Win32Error.describe(entry.error()));
    }

    /** The next packet is for {@code ov}, with {@code error} and {@code bytes}. */
    void expectPacket(Overlapped ov, int error, int bytes) {
        CompletionEntry e = next();
        assertEquals(ov, e.overlapped(), "packet for another operation");
        assertEquals(Win32Error.describe(error), Win32Error.describe(e.error()));
        assertEquals(bytes, e.bytes());
    }

    /** Takes {@code ov}'s packet after it was issued with {@code issued} (success now or pending: one packet, R51, R53). */
    void settle(int issued, Overlapped ov) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("operation failed: " + Win32Error.describe(issued));
        }
        CompletionEntry e = next();
        assertEquals(ov, e.overlapped());
        assertEquals(0, e.error(), () -> Win32Error.describe(e.error()));
    }

    /** One dequeued packet, copied. */
    record Packet(long key, int bytes, Object overlapped, int error) {}

    /** The packets of {@code ovs}, one each, in whatever order they come; fails on any other packet or a second one. */
    Map<Overlapped, Packet> packetsFor(Overlapped... ovs) {
        Map<Overlapped, Packet> got = new IdentityHashMap<>();
        Set<Overlapped> want = Collections.newSetFromMap(new IdentityHashMap<>());
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

    /** A connected pair over loopback, [client, accepted], both associated with the port. */
    AsyncSocket[] connectedPair(long clientKey, long serverKey) throws IOException {
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
        requireStarted(a);
        requireStarted(c);
        Map<Overlapped, Packet> done = packetsFor(acc, con);
        assertEquals(0, done.get(acc).error(), () -> "accept: " + Win32Error.describe(done.get(acc).error()));
        assertEquals(0, done.get(con).error(), () -> "connect: " + Win32Error.describe(done.get(con).error()));
        return new AsyncSocket[] {client, server};
    }

    static void requireStarted(int issued) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("failed at once: " + Win32Error.describe(issued));
        }
    }
}
