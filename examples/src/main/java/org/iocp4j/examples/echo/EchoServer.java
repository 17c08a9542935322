package org.iocp4j.examples.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;

/**
 * A TCP echo server in the classic IOCP shape: one completion port whose concurrency value is
 * the number of worker threads, N workers dequeuing from it, a few AcceptEx-style accepts kept
 * outstanding on the listening socket, and each connection reading into a direct buffer and
 * writing back what it read. Every step is driven by a packet; the workers never block
 * anywhere else.
 *
 * <pre>
 * mvn -q -Pecho-server package -DskipTests -Decho.args="--port 7007 --threads 2"
 * </pre>
 *
 * <p>Flags: {@code --host} and {@code --port} to listen on (port 0 picks a free one),
 * {@code --threads} workers (the port's concurrency), {@code --accepts} outstanding, and
 * {@code --buffer} bytes per connection. It runs until the process is stopped.
 */
public final class EchoServer implements AutoCloseable {
    /** The listening socket's completion key. */
    static final long LISTENER_KEY = 1;
    /** Every connection's completion key; the Overlapped tells which connection. */
    static final long CONNECTION_KEY = 2;

    private final CompletionPort port;
    private final IoFactory io;
    private final AsyncServerSocket listener;
    private final int bufferSize;
    /** Every socket not yet closed: accepted, or waiting in an accept. */
    private final Set<EchoConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connected = new AtomicInteger();
    /** Accepts that should be outstanding and are not: they failed at once. */
    private final AtomicInteger missingAccepts = new AtomicInteger();
    private final AtomicLong requeues = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closing;

    private EchoServer(CompletionPort port, AsyncServerSocket listener, int bufferSize) {
        this.port = port;
        this.io = port.io();
        this.listener = listener;
        this.bufferSize = bufferSize;
    }

    /**
     * Listens on {@code address} with {@code threads} workers on a port of concurrency
     * {@code threads}, keeping {@code accepts} accepts outstanding.
     *
     * @throws IllegalArgumentException if a count is below 1 or the buffer below 1 byte
     * @throws IOException if the address cannot be bound
     * @throws UnsupportedOperationException if no backend with sockets is available here
     */
    public static EchoServer start(InetSocketAddress address, int threads, int accepts, int bufferSize)
            throws IOException {
        require(threads >= 1, "threads must be >= 1 (the workers and the port's concurrency), got " + threads);
        require(accepts >= 1, "accepts must be >= 1 (how many AcceptEx stay outstanding), got " + accepts);
        require(bufferSize >= 1, "bufferSize must be >= 1 byte, got " + bufferSize);
        CompletionPort port = CompletionPorts.open(PortOptions.withConcurrency(threads));
        EchoServer server;
        try {
            server = new EchoServer(port, port.io().openServerSocket(), bufferSize);
        } catch (UnsupportedOperationException e) {
            port.close();
            throw new UnsupportedOperationException("the echo server needs a backend with sockets (epoll on Linux,"
                    + " kqueue on macOS); the best one here is '" + port.backend() + "'", e);
        }
        try {
            server.listener.bind(address, 1024);
            server.listener.associate(port, LISTENER_KEY);
            for (int i = 0; i < accepts; i++) {
                server.accept();
            }
        } catch (IOException | RuntimeException e) {
            server.close(); // no worker yet: closes the listener, the sockets opened so far and the port
            throw e;
        }
        for (int i = 1; i <= threads; i++) {
            server.workers.add(Thread.ofPlatform().name("echo-worker-" + i).start(server::work));
        }
        return server;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The address it listens on. */
    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    /** The port's backend, e.g. {@code "epoll"}. */
    public String backend() {
        return port.backend();
    }

    /** The port's concurrency value, which is also the number of workers. */
    public int concurrency() {
        return port.concurrency();
    }

    /** Connections accepted and not yet closed. */
    public int openConnections() {
        return connected.get();
    }

    int bufferSize() {
        return bufferSize;
    }

    /** A worker: dequeue, run the connection's next step, repeat until the port closes (R33). */
    private void work() {
        CompletionEntry entry = new CompletionEntry();
        while (port.dequeue(entry).hasPacket()) {
            EchoConnection c = (EchoConnection) ((Overlapped) entry.overlapped()).attachment();
            try {
                c.completed(entry.bytes(), entry.error());
            } catch (RuntimeException | OutOfMemoryError e) { // that connection goes, the worker stays
                System.err.println(Thread.currentThread().getName() + ": " + e);
                c.close();
            }
        }
    }

    /**
     * Issues one AcceptEx into a fresh socket, already associated, skipping packets of synchronous
     * successes, and with TCP_NODELAY (as Netty's and the JDK's echo servers in the benchmark).
     */
    private void accept() throws IOException {
        AsyncSocket s = io.openSocket();
        s.setOption(StandardSocketOptions.TCP_NODELAY, true); // replies go out at once; set on the socket the accept creates
        s.associate(port, CONNECTION_KEY);
        s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        EchoConnection c = new EchoConnection(this, s);
        open.add(c);
        int r = listener.accept(s, c.overlapped()); // the listener has no skip mode: a packet comes either way
        if (r != Win32Error.ERROR_SUCCESS && r != Win32Error.ERROR_IO_PENDING) {
            c.close();
            if (!closing) {
                throw new IOException("AcceptEx failed at once: " + Win32Error.describe(r));
            }
        }
    }

    /** An accept completed (well or not): issue the next one, so as many stay outstanding. */
    void acceptCompleted() {
        missingAccepts.incrementAndGet();
        reissueAccepts();
    }

    /**
     * Issues the accepts that are missing. One that fails at once (no descriptor left: ERROR_TOO_MANY_OPEN_FILES)
     * stays missing and is tried again when a connection closes and frees one, so a burst at the
     * descriptor limit does not leave the server with no accept outstanding for good.
     */
    private void reissueAccepts() {
        while (!closing && missingAccepts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                accept();
            } catch (IOException | RuntimeException e) {
                missingAccepts.incrementAndGet();
                System.err.println("cannot accept now (tried again when a connection closes): " + e);
                return;
            }
        }
    }

    /** Posts a connection's next step, an operation that completed at once, to the back of the port's queue. */
    void requeue(int bytes, Overlapped overlapped) {
        requeues.incrementAndGet();
        port.post(CONNECTION_KEY, bytes, overlapped);
    }

    /** How often a connection gave its worker up after {@link EchoConnection#INLINE_LIMIT} operations done at once. */
    long requeues() {
        return requeues.get();
    }

    void connected() {
        connected.incrementAndGet();
    }

    void closed(EchoConnection c, boolean wasConnected) {
        open.remove(c);
        if (wasConnected) {
            connected.decrementAndGet();
            reissueAccepts(); // a descriptor is free again (not after a failed accept: that would only try again)
        }
    }

    /**
     * Stops: closes the listener (its accepts complete aborted), every connection, then the
     * port, which releases the workers (R33), and waits for them. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        listener.close();
        for (EchoConnection c : open) {
            c.socket().close(); // thread-safe; the connection's own state is its workers'
        }
        port.close();
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("host", InetAddress.getLoopbackAddress().getHostAddress());
        defaults.put("port", "7007");
        defaults.put("threads", "2");
        defaults.put("accepts", "16");
        defaults.put("buffer", "16384");
        Flags f = new Flags("EchoServer", defaults).parse(args);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(f.text("host")),
                f.number("port", 0, 65535));
        int threads = f.number("threads", 1, 1024);
        EchoServer server = start(address, threads, f.number("accepts", 1, 4096), f.number("buffer", 1, 1 << 24));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "echo-shutdown"));
        System.out.println("echo server on " + server.localAddress().getAddress().getHostAddress() + ":"
                + server.localAddress().getPort() + ", backend " + server.backend() + ", " + threads
                + " workers on one port of concurrency " + server.concurrency() + " (stop with Ctrl-C)");
        stopped.await();
    }
}
