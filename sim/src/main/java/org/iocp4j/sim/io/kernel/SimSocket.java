package org.iocp4j.sim.io.kernel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.ArrayDeque;
import java.util.Objects;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.BufferRules;

/**
 * A simulated TCP socket. It has no connection until a connect makes one or an accept hands it
 * one (AcceptEx's pre-created socket). The kernel reports every event of its connection (bytes,
 * room, FIN, RST) as readiness of the matching direction, edge-triggered and always armed, as the
 * epoll backend's watch does.
 */
final class SimSocket extends EmulatedIoHandle implements AsyncSocket {
    final SimKernel kernel;
    private final int id;
    /** Guarded by lock. */
    private Endpoint endpoint;
    /** The connect under way. Guarded by lock. */
    private Handshake connecting;
    /** The accept promised to land here. Guarded by lock. */
    private AcceptOp acceptInto;
    /** Reads issued and not completed, in issue order: the one data reaches first. Guarded by lock. */
    private final ArrayDeque<RecvOp> reads = new ArrayDeque<>();

    SimSocket(SimKernel kernel) {
        this.kernel = kernel;
        this.id = kernel.register(this);
    }

    @Override
    protected String backend() {
        return SimIoFactory.BACKEND;
    }

    @Override
    protected EmulatedCompletionPort engineOf(CompletionPort port) {
        return SimIoFactory.engineOf(port);
    }

    @Override
    protected void arm(PendingOp.Direction direction) {
        // the kernel reports every event of the connection: edge-triggered, always armed
    }

    @Override
    protected void release() {
        Endpoint e;
        AcceptOp promised;
        synchronized (lock) {
            e = endpoint;
            endpoint = null;
            promised = acceptInto;
        }
        kernel.unregister(id);
        if (!kernel.isOurs()) {
            return; // closed after its simulation ended: there is no network left to tell
        }
        if (promised != null) {
            promised.targetClosed(); // R71: the accept into this socket is aborted
        }
        if (e != null) {
            e.close();
        }
    }

    @Override
    public int connect(InetSocketAddress remote, Overlapped overlapped) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(overlapped, "overlapped");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("remote " + remote + " is unresolved: resolve the host name first "
                    + "(new InetSocketAddress(InetAddress.getByName(host), port))");
        }
        enter("connect");
        synchronized (lock) {
            if (!isClosed() && !isFreeForConnect()) {
                throw new IllegalStateException("this socket is already connected, connecting or promised to an "
                        + "accept (WSAEISCONN): ConnectEx needs a freshly opened socket");
            }
        }
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

    private void enter(String what) {
        kernel.enter("AsyncSocket." + what);
        kernel.schedulingPoint();
    }

    // ---- for the operations (guarded by lock: called from an attempt or a completion) ---------

    Endpoint endpoint() {
        return endpoint;
    }

    boolean isFreeForConnect() {
        return endpoint == null && connecting == null && acceptInto == null;
    }

    Handshake startConnect(InetSocketAddress remote) {
        Handshake h = new Handshake(kernel, this, remote);
        connecting = h;
        h.start();
        return h;
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
        }
    }

    void readEnded(RecvOp op) {
        synchronized (lock) {
            reads.remove(op);
        }
    }

    // ---- for accepts (each takes this socket's lock) ----------------------------------------

    boolean isFresh() {
        synchronized (lock) {
            return !isClosed() && isFreeForConnect();
        }
    }

    boolean reserveFor(AcceptOp op) {
        synchronized (lock) {
            if (isClosed() || !isFreeForConnect()) {
                return false;
            }
            acceptInto = op;
            return true;
        }
    }

    void unreserve(AcceptOp op) {
        synchronized (lock) {
            if (acceptInto == op) {
                acceptInto = null;
            }
        }
    }

    /** Takes over an accepted connection; false if this socket closed meanwhile. */
    boolean adopt(AcceptOp op, Endpoint e) {
        synchronized (lock) {
            if (isClosed() || acceptInto != op || endpoint != null) {
                return false;
            }
            acceptInto = null;
            connected(e);
            return true;
        }
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
