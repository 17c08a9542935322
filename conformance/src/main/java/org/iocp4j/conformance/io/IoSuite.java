package org.iocp4j.conformance.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.conformance.Harness;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the I/O conformance suites: the overlapped socket and file rules (spec 1.3,
 * 1.12-1.15) checked the same way on every backend with I/O, real or simulated. A backend runs a
 * suite by subclassing it and returning its {@link IoBackendFixture} from {@link #fixture()}.
 *
 * <p>Each test gets a port ({@link #port}, concurrency 2) and its {@link #io}. Packets are awaited
 * on the port itself (a dequeue with a timeout; virtual time on the simulator); threads start and
 * are waited for only through the harness. Every handle opened through the helpers here is closed
 * after the test, and {@link IoCheck} checks that nothing leaked.
 */
@ExtendWith(IoCheck.class)
public abstract class IoSuite {
    /** How long a packet that must come may take; only a failing test waits this long. */
    protected static final long PATIENCE_SECONDS = 10;

    private IoBackendFixture fixture;
    /** The test's port, concurrency 2. */
    protected CompletionPort port;
    /** The port's I/O. */
    protected IoFactory io;
    /** The last packet dequeued by {@link #next()}. */
    protected final CompletionEntry entry = new CompletionEntry();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<CompletionPort> ports = new ArrayList<>();
    private final List<Started> started = new CopyOnWriteArrayList<>();

    /** For the suites. */
    protected IoSuite() {}

    /** The backend under test; called once per test. */
    protected abstract IoBackendFixture fixture();

    /** The address listeners bind to, the fixture's. */
    protected final InetAddress address() {
        return fixture.address();
    }

    /** The backend's harness. */
    protected final Harness harness() {
        return fixture.harness();
    }

    // ---- the test's life, driven by IoCheck inside the harness's run -------------------------

    final void begin(IoBackendFixture f) {
        this.fixture = f;
        port = openPort(2);
        io = port.io();
    }

    /** Closes what the test opened and reports what it left broken. */
    final List<String> end(Object snapshot) {
        List<String> problems = new ArrayList<>();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                problems.add("closing " + toClose.get(i) + " threw " + e);
            }
        }
        for (CompletionPort p : ports) {
            String broken = fixture.invariantViolation(p);
            if (broken != null) {
                problems.add(p + " breaks an invariant: " + broken);
            }
        }
        for (Started s : started) {
            if (!s.finished) {
                problems.add("thread " + s.name + " is still running at the end of the test (leaked)");
            }
        }
        for (CompletionPort p : ports) {
            p.close(); // releases threads still waiting on it (R33)
        }
        for (Started s : started) {
            try {
                harness().join(s.thread);
            } catch (RuntimeException | AssertionError e) {
                problems.add("thread " + s.name + " could not be stopped: " + e.getMessage());
            }
            if (s.failure != null && !s.observed) {
                problems.add("thread " + s.name + " threw " + s.failure + " and the test never joined it");
            }
        }
        String leaked = fixture.leakedSince(snapshot);
        if (leaked != null) {
            problems.add("handles leaked: " + leaked);
        }
        return problems;
    }

    // ---- ports, handles, threads -------------------------------------------------------------

    /** Opens another port of the backend; it is closed after the test. */
    protected final CompletionPort openPort(int concurrency) {
        CompletionPort p = fixture.open(PortOptions.withConcurrency(concurrency));
        ports.add(p);
        return p;
    }

    /** Closes {@code handle} after the test (closing twice is harmless). */
    protected final <T extends AutoCloseable> T closeLater(T handle) {
        toClose.add(handle);
        return handle;
    }

    /** A fresh socket of {@link #io}, closed after the test. */
    protected final AsyncSocket socket() throws IOException {
        return closeLater(io.openSocket());
    }

    /** A listening socket bound to the fixture's address (an ephemeral port), closed after the test. */
    protected final AsyncServerSocket listener() throws IOException {
        AsyncServerSocket l = closeLater(io.openServerSocket());
        l.bind(new InetSocketAddress(fixture.address(), 0), 16);
        return l;
    }

    /** An address nobody listens on, the fixture's. */
    protected final InetSocketAddress refusedAddress() throws IOException {
        return fixture.refusedAddress();
    }

    /** Starts a thread through the harness; {@link #join} it before the test ends. */
    protected final Thread start(String name, Harness.Scenario body) {
        Started s = new Started(name);
        started.add(s);
        s.thread = harness().start(name, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                s.failure = e;
            } finally {
                s.finished = true;
            }
        });
        return s.thread;
    }

    /** Waits until {@code thread} ended; rethrows (wrapped) what its body threw. */
    protected final void join(Thread thread) {
        harness().join(thread);
        for (Started s : started) {
            if (s.thread == thread) {
                s.observed = true;
                if (s.failure != null) {
                    throw new AssertionError(s.name + " threw " + s.failure, s.failure);
                }
            }
        }
    }

    /** Waits until {@code condition} holds (it may only read state); fails naming {@code what} if it never does. */
    protected final void awaitUntil(String what, BooleanSupplier condition) {
        harness().awaitUntil(what, condition);
    }

    private static final class Started {
        final String name;
        volatile Thread thread;
        volatile boolean finished;
        volatile Throwable failure;
        volatile boolean observed;

        Started(String name) {
            this.name = name;
        }
    }

    // ---- packets -----------------------------------------------------------------------------

    /** The next packet of {@link #port}; fails if none comes. */
    protected final CompletionEntry next() {
        return next(port);
    }

    protected final CompletionEntry next(CompletionPort p) {
        DequeueStatus s = p.dequeue(entry, PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(DequeueStatus.TIMEOUT, s, "no packet came");
        assertTrue(s.hasPacket(), () -> "no packet: " + s);
        return entry;
    }

    /** Nothing is queued on {@link #port} now. */
    protected final void assertNoPacket() {
        assertNoPacket(port);
    }

    protected final void assertNoPacket(CompletionPort p) {
        assertEquals(DequeueStatus.TIMEOUT, p.dequeue(entry, 0, TimeUnit.MILLISECONDS),
                () -> "unexpected packet: key " + entry.key() + ", error " + Win32Error.describe(entry.error()));
    }

    /**
     * {@code issued} is done now or pending: either way one packet follows (R51, R52). Windows
     * may complete a cached file read or write at once, so a file suite must not insist on
     * pending.
     */
    protected static void assertQueuesAPacket(int issued) {
        assertTrue(issued == Win32Error.ERROR_SUCCESS || issued == Win32Error.ERROR_IO_PENDING,
                () -> "expected done now or pending, got " + Win32Error.describe(issued));
    }

    /** The next packet is for {@code ov}, with {@code error} and {@code bytes}. */
    protected final void expectPacket(Overlapped ov, int error, int bytes) {
        CompletionEntry e = next();
        assertEquals(ov, e.overlapped(), "packet for another operation");
        assertEquals(Win32Error.describe(error), Win32Error.describe(e.error()));
        assertEquals(bytes, e.bytes());
    }

    /** Completes {@code ov} as issued: a synchronous success's packet (R51) or a pending one's, with success. */
    protected final void settle(int issued, Overlapped ov) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("operation failed at once: " + Win32Error.describe(issued));
        }
        CompletionEntry e = next();
        assertEquals(ov, e.overlapped());
        assertEquals(0, e.error(), () -> Win32Error.describe(e.error()));
    }

    /** One dequeued packet, copied. */
    protected record Packet(long key, int bytes, Object overlapped, int error) {}

    /**
     * The packets of {@code ovs}, one each, in whatever order they come (the kernel and the caller
     * may post concurrently); fails on a packet for anything else or a second one.
     */
    protected final Map<Overlapped, Packet> packetsFor(Overlapped... ovs) {
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

    /** A connected pair, [client, server side], both associated with {@link #port}; the listener too. */
    protected final AsyncSocket[] connectedPair(long clientKey, long serverKey) throws IOException {
        AsyncServerSocket l = listener();
        AsyncSocket client = socket();
        AsyncSocket server = socket();
        client.associate(port, clientKey);
        server.associate(port, serverKey);
        l.associate(port, serverKey);
        connect(l, client, server);
        return new AsyncSocket[] {client, server};
    }

    /**
     * Accepts into {@code server} on {@code l} and connects {@code client} to it; both packets
     * must come back successful ({@code l} and {@code client} associated with {@link #port}).
     */
    protected final void connect(AsyncServerSocket l, AsyncSocket client, AsyncSocket server) {
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        int a = l.accept(server, acc);
        int c = client.connect(l.localAddress(), con);
        expectIssued(a);
        expectIssued(c);
        for (Packet p : packetsFor(acc, con).values()) {
            assertEquals(0, p.error(), () -> Win32Error.describe(p.error()));
        }
    }

    /** {@code issued} is a success or pending: it will queue a packet. */
    protected static void expectIssued(int issued) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("failed at once: " + Win32Error.describe(issued));
        }
    }
}
