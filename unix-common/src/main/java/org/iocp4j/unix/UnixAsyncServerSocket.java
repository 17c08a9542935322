package org.iocp4j.unix;

import io.netty.channel.ChannelException;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;

/** A listening TCP socket whose accepts are overlapped (AcceptEx), over Netty's unix {@link Socket}. */
final class UnixAsyncServerSocket extends EmulatedIoHandle implements AsyncServerSocket {
    /** The default backlog, as SOMAXCONN's usual floor. */
    private static final int DEFAULT_BACKLOG = 128;

    private final UnixBackend backend;
    /** Where this handle's fd is watched: the poller of the port it was opened through. */
    private final Poller poller;
    /** Null until bound. Guarded by lock. */
    private Socket socket;
    /** Guarded by lock. */
    private FdWatch watch;
    /** accept()'s out-parameter for the peer address; guarded by lock. */
    private final byte[] addressScratch = new byte[26];

    UnixAsyncServerSocket(UnixBackend backend, Poller poller) {
        this.backend = backend;
        this.poller = poller;
    }

    @Override
    protected String backend() {
        return backend.name();
    }

    @Override
    protected void arm(PendingOp.Direction direction) {
        // the FdWatch is edge-triggered and always armed
    }

    @Override
    protected void release() {
        FdWatch w;
        synchronized (lock) {
            w = watch;
            watch = null;
            socket = null;
        }
        if (w != null) {
            w.release();
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
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (socket != null) {
                throw new IllegalStateException("already bound to " + socket.localAddress() + " (WSAEINVAL)");
            }
            Socket s;
            try {
                s = StreamSocket.openFor(local.getAddress());
            } catch (ChannelException e) {
                throw new IOException("cannot open a socket: " + e.getMessage(), e.getCause()); // e.g. EMFILE
            }
            try {
                s.setReuseAddress(true); // as the JDK's server sockets do on unix: rebinding after a close works
                s.bind(local);
                s.listen(backlog == 0 ? DEFAULT_BACKLOG : backlog);
            } catch (IOException | RuntimeException e) {
                try {
                    s.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            socket = s;
            watch = backend.watch(s, this, poller);
        }
    }

    @Override
    public int accept(AsyncSocket acceptSocket, Overlapped overlapped) {
        Objects.requireNonNull(acceptSocket, "acceptSocket");
        Objects.requireNonNull(overlapped, "overlapped");
        if (!(acceptSocket instanceof UnixAsyncSocket target) || target.unixBackend() != backend) {
            throw new IllegalArgumentException("acceptSocket must be opened through the io() of a '" + backend.name()
                    + "' port, as this listening socket was");
        }
        if (target.isClosed()) {
            throw new IllegalArgumentException("acceptSocket is closed: open a fresh socket for each accept");
        }
        synchronized (lock) {
            if (!isClosed() && socket == null) {
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
            target.unreserve(op); // the Overlapped was in flight: nothing started
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

    /** The target of {@code op} closed: complete the accept with ERROR_OPERATION_ABORTED if it still waits. */
    void abortAccept(AcceptOp op) {
        synchronized (lock) {
            if (op.isCancellable()) {
                cancel(op.overlapped());
            }
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return socket == null ? null : socket.localAddress();
        }
    }

    /** Guarded by lock: call from an attempt. */
    Socket socket() {
        return socket;
    }

    /** Guarded by lock: call from an attempt. */
    byte[] addressScratch() {
        return addressScratch;
    }

    @Override
    public String toString() {
        return "AsyncServerSocket[" + backend.name() + ", " + localAddress() + (isClosed() ? ", closed]" : "]");
    }
}
