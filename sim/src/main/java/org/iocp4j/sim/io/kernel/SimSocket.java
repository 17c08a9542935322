package org.iocp4j.sim.io.kernel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.ArrayDeque;
import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.AcceptTarget;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.spi.SocketOptionValues;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketOptionRules;
import org.iocp4j.io.SocketRules;
import org.iocp4j.io.BufferRules;

/**
 * A simulated TCP socket. It has no connection until a connect makes one or an accept hands it
 * one (AcceptEx's pre-created socket). The kernel reports every event of its connection (bytes,
 * room, FIN, RST) as readiness of the matching direction, edge-triggered and always armed, as the
 * epoll backend's watch does.
 */
final class SimSocket extends SimHandle implements AsyncSocket, AcceptTarget.Landing<Endpoint> {
    /** Guarded by lock. */
    private Endpoint endpoint;
    /** The connect under way. Guarded by lock. */
    private Handshake connecting;
    /** The options given. Guarded by lock. */
    private final SocketOptionValues options = new SocketOptionValues();
    /** The accept promised to land here (AcceptEx's side of the pre-created socket). */
    final AcceptTarget<Endpoint> accepts = new AcceptTarget<>(this, this);
    /** Reads issued and not completed, in issue order: the one data reaches first. Guarded by lock. */
    private final ArrayDeque<RecvOp> reads = new ArrayDeque<>();

    SimSocket(SimKernel kernel) {
        super(kernel, "AsyncSocket");
    }

    @Override
    protected void release() {
        Endpoint e;
        synchronized (lock) {
            e = endpoint;
            endpoint = null;
        }
        kernel.unregister(id);
        if (!kernel.isOurs()) {
            return; // closed after its simulation ended: there is no network left to tell
        }
        accepts.socketClosed(); // R71: the accept into this socket is aborted
        if (e != null) {
            e.close();
        }
    }

    @Override
    public int connect(InetSocketAddress remote, Overlapped overlapped) {
        SocketRules.checkConnect(remote, overlapped);
        enter("connect");
        accepts.checkConnectable();
        return submit(new ConnectOp(this, remote, overlapped));
    }

    @Override
    public int read(ByteBuffer dst, Overlapped overlapped) {
        BufferRules.checkReadTarget(dst, "dst");
        Objects.requireNonNull(overlapped, "overlapped");
        enter("read");
        return submitRead(new RecvOp(this, new ByteBuffer[] {dst}, overlapped));
    }

    @Override
    public int read(ByteBuffer[] dsts, Overlapped overlapped) {
        BufferRules.checkScatter(dsts);
        Objects.requireNonNull(overlapped, "overlapped");
        enter("read");
        return submitRead(new RecvOp(this, dsts.clone(), overlapped));
    }

    @Override
    public int write(ByteBuffer src, Overlapped overlapped) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(overlapped, "overlapped");
        enter("write");
        return submit(new SendOp(this, new ByteBuffer[] {src}, overlapped));
    }

    @Override
    public int write(ByteBuffer[] srcs, Overlapped overlapped) {
        BufferRules.checkGather(srcs);
        Objects.requireNonNull(overlapped, "overlapped");
        enter("write");
        return submit(new SendOp(this, srcs.clone(), overlapped));
    }

    /** Issues a read, listed while it is pending so an injected cancel race can find it. */
    private int submitRead(RecvOp op) {
        synchronized (lock) {
            reads.add(op);
        }
        int r = Win32Error.ERROR_INVALID_FUNCTION;
        try {
            r = submit(op);
            return r;
        } finally {
            if (r != Win32Error.ERROR_IO_PENDING) {
                readEnded(op); // done or failed at once, refused, or its Overlapped in flight
            }
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        enter("shutdownOutput");
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (endpoint == null) {
                throw new NotYetConnectedException();
            }
            endpoint.sendFin();
        }
        onReady(PendingOp.Direction.WRITE); // a write waiting for room now fails with WSAESHUTDOWN, as on epoll
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return endpoint != null ? endpoint.local : connecting != null ? connecting.local : null;
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        synchronized (lock) {
            return endpoint == null ? null : endpoint.remote;
        }
    }

    /**
     * Kept and reported as given; the simulated network does not change with them (its buffers
     * are {@link org.iocp4j.sim.io.SimIoOptions#socketBuffer()} bytes, which a buffer size never
     * set reads as once the socket is connecting or connected).
     */
    @Override
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        SocketOptionRules.checkSet(option, value);
        enter("setOption");
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            options.remember(option, value);
        }
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        SocketOptionRules.checkOption(option);
        enter("getOption");
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (SocketOptionRules.isBufferSize(option) && isConnectedOrConnecting() && !options.isSet(option)) {
                return option.type().cast(kernel.optionsValue().socketBuffer()); // the "OS" picked it
            }
            return options.valueBeforeTheSocket(option);
        }
    }

    // ---- for the operations (guarded by lock: called from an attempt or a completion) ---------

    Endpoint endpoint() {
        return endpoint;
    }

    boolean isFreeForConnect() {
        return accepts.isFree();
    }

    Handshake startConnect(InetSocketAddress remote) {
        Handshake h = new Handshake(kernel, this, remote);
        connecting = h;
        h.start();
        return h;
    }

    /** A read or write while a connect is in progress fails at once, as on Windows (WSAENOTCONN). */
    @Override
    protected int refusal(PendingOp op) {
        return connecting != null && !(op instanceof ConnectOp) ? Win32Error.WSAENOTCONN : 0;
    }

    void connected(Endpoint e) {
        endpoint = e;
        e.owner = this;
    }

    void connectEnded(Handshake h, boolean success) {
        if (connecting == h) {
            connecting = null;
        }
        if (!success) {
            h.abandon();
            newDescriptor(); // the next connect starts afresh
        }
    }

    void readEnded(RecvOp op) {
        synchronized (lock) {
            reads.remove(op);
        }
    }

    // ---- for accepts (AcceptTarget.Landing, called with the lock held) ------------------------

    @Override
    public boolean isConnectedOrConnecting() {
        return endpoint != null || connecting != null;
    }

    @Override
    public void takeOver(Endpoint e) {
        connected(e);
    }

    // ---- for the kernel ----------------------------------------------------------------------

    /**
     * Bytes or a FIN arrived: the pending reads go on. With an injected cancel race, a cancel of
     * the first pending read arrives at the same instant, before or after the bytes.
     */
    void readable() {
        RecvOp first;
        synchronized (lock) {
            first = reads.peek();
        }
        int race = first == null ? 0 : kernel.faults.cancelRace();
        if (race == 1) {
            cancel(first.overlapped());
        }
        onReady(PendingOp.Direction.READ);
        if (race == 2) {
            cancel(first.overlapped()); // finds nothing if the bytes completed it
        }
    }

    @Override
    public String toString() {
        Endpoint e;
        synchronized (lock) {
            e = endpoint;
        }
        return "socket#" + id + (e == null ? "" : "[" + e + "]") + (isClosed() ? "(closed)" : "");
    }
}
