package org.iocp4j.sim.io.kernel;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;

/**
 * A simulated listening socket: connection requests that reach its address wait in its backlog
 * until an accept takes them; a request finding the backlog full is refused. Closing it resets
 * the connections nobody accepted.
 */
final class SimServerSocket extends EmulatedIoHandle implements AsyncServerSocket {
    /** The backlog when bind is given 0, as SOMAXCONN's usual floor. */
    private static final int DEFAULT_BACKLOG = 128;

    private final SimKernel kernel;
    private final int id;
    /** Null until bound. Guarded by lock. */
    private InetSocketAddress local;
    /** Guarded by lock. */
    private int backlogLimit;
    /** Connections made and not yet accepted, oldest first. Guarded by lock. */
    private final ArrayDeque<Endpoint> backlog = new ArrayDeque<>();

    SimServerSocket(SimKernel kernel) {
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
        // the kernel reports every new connection: edge-triggered, always armed
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
        Objects.requireNonNull(local, "local");
        if (local.isUnresolved()) {
            throw new IllegalArgumentException("local " + local + " is unresolved: resolve the host name first");
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must be >= 0 (0 picks a default), got " + backlog);
        }
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
        if (target.isClosed()) {
            throw new IllegalArgumentException("acceptSocket is closed: open a fresh socket for each accept");
        }
        enter("accept");
        synchronized (lock) {
            if (!isClosed() && local == null) {
                throw new IllegalStateException("this listening socket is not bound: call bind(address, backlog) first");
            }
        }
        AcceptOp op = new AcceptOp(this, target, overlapped);
        if (!target.reserveFor(op)) {
            throw new IllegalArgumentException("acceptSocket must be freshly opened: it is connected, connecting or "
                    + "already promised to another accept (AcceptEx: WSAEINVAL)");
        }
        int r;
        try {
            r = submit(op);
        } catch (RuntimeException e) {
            target.unreserve(op); // its Overlapped was in flight: nothing started
            throw e;
        }
        synchronized (lock) {
            if (r == Win32Error.ERROR_IO_PENDING) {
                op.markPending();
            } else if (!op.isFinished()) {
                target.unreserve(op); // refused before it started (closed listener)
            }
        }
        return r;
    }

    private void enter(String what) {
        kernel.enter("AsyncServerSocket." + what);
        kernel.schedulingPoint();
    }

    /** The target of {@code op} closed: complete the accept with ERROR_OPERATION_ABORTED if it still waits. */
    void abortAccept(AcceptOp op) {
        synchronized (lock) {
            if (op.isCancellable()) {
                cancel(op.overlapped());
            }
        }
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

    /** The oldest connection not yet accepted, or null. Guarded by lock: call from an attempt. */
    Endpoint nextConnection() {
        return backlog.poll();
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
