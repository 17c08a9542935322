package org.iocp4j.sim.io.kernel;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iocp4j.internal.io.AcceptOp;
import org.iocp4j.internal.io.Acceptor;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketRules;

/**
 * A simulated listening socket: connection requests that reach its address wait in its backlog
 * until an accept takes them; a request finding the backlog full is refused. Closing it resets
 * the connections nobody accepted.
 */
final class SimServerSocket extends SimHandle implements AsyncServerSocket, Acceptor.Source<Endpoint> {
    /** The backlog when bind is given 0, as SOMAXCONN's usual floor. */
    private static final int DEFAULT_BACKLOG = 128;

    /** Null until bound. Guarded by lock. */
    private InetSocketAddress local;
    /** Guarded by lock. */
    private int backlogLimit;
    /** Connections made and not yet accepted, oldest first. Guarded by lock. */
    private final ArrayDeque<Endpoint> backlog = new ArrayDeque<>();
    /** AcceptEx, shared with the other emulating backends. */
    private final Acceptor<Endpoint> accepts = new Acceptor<>(this, this);

    SimServerSocket(SimKernel kernel) {
        super(kernel, "AsyncServerSocket");
    }

    @Override
    protected void release() {
        InetSocketAddress at;
        List<Endpoint> unaccepted;
        synchronized (lock) {
            at = local;
            local = null;
            unaccepted = new ArrayList<>(backlog);
            backlog.clear();
        }
        kernel.unregister(id);
        if (!kernel.isOurs()) {
            return;
        }
        if (at != null) {
            kernel.unbind(at, this);
        }
        for (Endpoint e : unaccepted) {
            e.abort();
        }
    }

    @Override
    public void bind(InetSocketAddress local, int backlog) throws IOException {
        SocketRules.checkBind(local, backlog);
        enter("bind");
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (this.local != null) {
                throw new IllegalStateException("already bound to " + this.local + " (WSAEINVAL)");
            }
            InetSocketAddress at = kernel.bind(this, local);
            if (at == null) {
                throw new BindException("address already in use (WSAEADDRINUSE): " + local);
            }
            this.local = at;
            this.backlogLimit = backlog == 0 ? DEFAULT_BACKLOG : backlog;
        }
    }

    @Override
    public int accept(AsyncSocket acceptSocket, Overlapped overlapped) {
        Objects.requireNonNull(acceptSocket, "acceptSocket");
        Objects.requireNonNull(overlapped, "overlapped");
        if (!(acceptSocket instanceof SimSocket target) || target.kernel != kernel) {
            throw new IllegalArgumentException("acceptSocket must be opened through the io() of a '"
                    + SimIoFactory.BACKEND + "' port in the same simulation, as this listening socket was");
        }
        return accepts.accept(target.accepts, overlapped);
    }

    // ---- for the accepts (Acceptor.Source) -----------------------------------------------------

    @Override
    public void entering() {
        enter("accept");
    }

    @Override
    public boolean isBound() {
        return local != null;
    }

    /** The oldest connection not yet accepted goes to {@code op}. Guarded by lock: called from an attempt. */
    @Override
    public int acceptNext(AcceptOp<Endpoint> op) {
        Endpoint e = backlog.poll();
        return e == null ? PendingOp.WOULD_BLOCK : op.land(e);
    }

    @Override
    public void discard(Endpoint e) {
        e.abort(); // the client is reset
    }

    /** A connection request arrived: queue it if the backlog has room, and tell the accepts. */
    boolean offer(Endpoint e) {
        synchronized (lock) {
            if (isClosed() || local == null || backlog.size() >= backlogLimit) {
                return false;
            }
            backlog.add(e);
        }
        onReady(PendingOp.Direction.READ);
        return true;
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return local;
        }
    }

    @Override
    public String toString() {
        InetSocketAddress at;
        synchronized (lock) {
            at = local;
        }
        return "listener#" + id + (at == null ? "" : "[" + at + "]") + (isClosed() ? "(closed)" : "");
    }
}
