package org.iocp4j.epoll.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.IoFactory;
import org.iocp4j.io.IoHandle;

/**
 * What the stress workers share: one port, one listening socket with a few accepts kept
 * outstanding, every endpoint ever opened, the ledger, and the handling of a dequeued packet
 * (which any worker may do, for any endpoint).
 */
final class Churn {
    static final long LISTENER_KEY = 1;
    static final long ENDPOINT_KEY = 2;
    private static final int ACCEPTS = 8;

    final CompletionPort port;
    final IoFactory io;
    final AsyncServerSocket listener;
    final Ledger ledger = new Ledger();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** Win32 error of each failed packet, counted. */
    final Map<Integer, AtomicInteger> errors = new ConcurrentHashMap<>();
    /** Win32 error of each call that failed at once, counted. */
    final Map<Integer, AtomicInteger> failedAtOnce = new ConcurrentHashMap<>();
    final AtomicInteger connected = new AtomicInteger();
    /** Cancels that found an operation to cancel; closes abort operations too, so 995 packets alone prove nothing. */
    final AtomicInteger cancelsThatHit = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger bytesChecked = new AtomicInteger();
    private final Set<Endpoint> everyEndpoint = ConcurrentHashMap.newKeySet();
    private final Set<StressOp> accepts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger endpointIds = new AtomicInteger();
    private volatile boolean closing;

    Churn(CompletionPort port) throws IOException {
        this.port = port;
        this.io = port.io();
        this.listener = io.openServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        listener.associate(port, LISTENER_KEY);
        for (int i = 0; i < ACCEPTS; i++) {
            accept();
        }
    }

    /** A new endpoint, associated with the port; closed at once if the run is closing. */
    Endpoint endpoint() {
        Endpoint ep;
        try {
            int id = endpointIds.incrementAndGet();
            ep = new Endpoint(id, io.openSocket(), id % 3 != 0, id % 4 == 1); // a third heap buffers, a quarter skip mode
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ep.skip) {
            ep.socket.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        }
        ep.socket.associate(port, ENDPOINT_KEY);
        everyEndpoint.add(ep); // before reading closing: close() sees it, or we see closing
        if (closing) {
            close(ep);
        }
        return ep;
    }

    void close(Endpoint ep) {
        synchronized (ep) {
            ep.closed = true;
            ep.socket.close(); // R71: its pending operations complete with packets
        }
    }

    /** Issues one AcceptEx into a fresh endpoint. */
    private void accept() {
        Endpoint target = endpoint();
        StressOp op = ledger.open(StressOp.Kind.ACCEPT, target);
        accepts.add(op);
        int r;
        try {
            r = listener.accept(target.socket, op);
        } catch (RuntimeException e) {
            r = Ledger.THREW; // a target closed by close() just now
        }
        ledger.answered(op, r);
        if (r != Win32Error.ERROR_SUCCESS && r != Win32Error.ERROR_IO_PENDING) {
            accepts.remove(op);
            close(target);
        }
    }

    /** Cancels one outstanding accept, if any (its packet says ERROR_OPERATION_ABORTED, R65). */
    void cancelAnAccept() {
        for (StressOp op : accepts) {
            cancelled(listener.cancel(op));
            return;
        }
    }

    /** A cancel or cancelAll answered {@code answer}: ERROR_SUCCESS means it found something to cancel (R64). */
    void cancelled(int answer) {
        if (answer == Win32Error.ERROR_SUCCESS) {
            cancelsThatHit.incrementAndGet();
        }
    }

    /**
     * Handles one dequeued packet: checks it against its operation, moves the endpoint's streams
     * on, and hands a newly accepted endpoint to {@code adopt} (the worker that dequeued it).
     */
    void handle(CompletionEntry e, Consumer<Endpoint> adopt) {
        if (!(e.overlapped() instanceof StressOp op)) {
            ledger.strays.add(e.toString());
            return;
        }
        ledger.packet(op);
        if (e.error() != 0) {
            errors.computeIfAbsent(e.error(), k -> new AtomicInteger()).incrementAndGet();
        }
        long key = op.kind == StressOp.Kind.ACCEPT ? LISTENER_KEY : ENDPOINT_KEY;
        check(e.key() == key, op, "came with key " + e.key());
        Endpoint ep = op.endpoint;
        synchronized (ep) {
            switch (op.kind) {
                case ACCEPT -> accepted(op, e);
                case CONNECT -> {
                    ep.connecting = null;
                    if (e.error() == 0) {
                        connected.incrementAndGet();
                    } else if (!ep.closed) {
                        close(ep); // cancelled: a socket that never connected is of no use
                    }
                }
                case READ -> read(op, e);
                case WRITE -> written(op, e);
            }
            if (e.error() != 0 && e.error() != Win32Error.ERROR_OPERATION_ABORTED && !ep.closed) {
                close(ep); // reset or aborted: this connection is done
            }
        }
        if (op.kind == StressOp.Kind.ACCEPT) {
            if (e.error() == 0 && !closing) {
                adopt.accept(ep);
            }
            if (!closing) {
                accept(); // keep them outstanding
            }
        }
    }

    /**
     * An operation of a skip-mode endpoint done at once: no packet comes (R56), so its issuer
     * finishes it here as a packet would. Under the endpoint's lock.
     */
    void completedAtOnce(StressOp op) {
        CompletionEntry e = new CompletionEntry();
        e.set(ENDPOINT_KEY, op.bytesTransferred(), op, 0);
        switch (op.kind) {
            case CONNECT -> {
                op.endpoint.connecting = null;
                connected.incrementAndGet();
            }
            case READ -> read(op, e);
            case WRITE -> written(op, e);
            case ACCEPT -> check(false, op, "an accept has no skip mode of its own (the listener's counts)");
        }
    }

    private void accepted(StressOp op, CompletionEntry e) {
        accepts.remove(op);
        check(e.bytes() == 0, op, "accepted with " + e.bytes() + " bytes (no receive buffer)");
        if (e.error() == 0) {
            accepted.incrementAndGet();
        } else if (!op.endpoint.closed) {
            close(op.endpoint); // cancelled: the fresh socket is not needed
        }
    }

    private void read(StressOp op, CompletionEntry e) {
        Endpoint ep = op.endpoint;
        ep.reading = null;
        ByteBuffer b = op.buffer;
        int moved = b.position() - op.start;
        if (e.error() != 0) {
            check(e.bytes() == 0 && moved == 0, op, "failed with " + e.bytes() + " bytes, buffer moved " + moved);
            return;
        }
        check(e.bytes() == moved, op, "reports " + e.bytes() + " bytes, buffer moved " + moved);
        if (e.bytes() == 0) {
            close(ep); // end of stream: the peer closed
            return;
        }
        int bad = ep.mismatch(b, op.start, e.bytes());
        check(bad < 0, op, "byte " + (ep.inOffset + bad) + " of the stream is wrong (lost or invented bytes)");
        ep.inOffset += e.bytes();
        bytesChecked.addAndGet(e.bytes());
    }

    private void written(StressOp op, CompletionEntry e) {
        Endpoint ep = op.endpoint;
        ep.writing = null;
        int moved = op.buffer.position() - op.start;
        if (e.error() == 0) {
            check(e.bytes() == op.buffer.limit() - op.start && moved == e.bytes(), op,
                    "reports " + e.bytes() + " bytes, buffer moved " + moved);
        }
        ep.outOffset += moved; // what really left, also when cancelled or aborted
    }

    void check(boolean ok, StressOp op, String what) {
        if (!ok) {
            failures.add(op + " " + what);
        }
    }

    /** Stops the churn: the listener (its accepts abort), then every endpoint ever opened. */
    void closeEverything() {
        closing = true;
        listener.close();
        for (Endpoint ep : everyEndpoint) {
            close(ep);
        }
    }

    int endpointsOpened() {
        return endpointIds.get();
    }
}
