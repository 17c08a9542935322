package org.iocp4j.unix;

import io.netty.channel.ChannelException;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.AcceptOp;
import org.iocp4j.internal.io.Acceptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketRules;

/** A listening TCP socket whose accepts are overlapped (AcceptEx), over Netty's unix {@link Socket}. */
final class UnixAsyncServerSocket extends EmulatedIoHandle implements AsyncServerSocket, Acceptor.Source<Integer> {
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
    /** AcceptEx, shared with the other emulating backends; a connection is an accepted fd. */
    private final Acceptor<Integer> accepts = new Acceptor<>(this, this);

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
        SocketRules.checkBind(local, backlog);
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
        return accepts.accept(target.accepts, overlapped);
    }

    // ---- for the accepts (Acceptor.Source) -----------------------------------------------------

    @Override
    public boolean isBound() {
        return socket != null;
    }

    /** accept() on the listening fd; the new fd goes to {@code op}. Guarded by lock: called from an attempt. */
    @Override
    public int acceptNext(AcceptOp<Integer> op) {
        Socket s = socket;
        if (s == null) {
            return -Win32Error.ERROR_INVALID_HANDLE;
        }
        int fd;
        try {
            fd = s.accept(addressScratch);
        } catch (IOException | RuntimeException e) {
            return -NativeErrors.win32Of(e);
        }
        return fd < 0 ? PendingOp.WOULD_BLOCK : op.land(fd);
    }

    @Override
    public void discard(Integer fd) {
        try {
            new FileDescriptor(fd).close();
        } catch (IOException e) {
            // nothing else to do with a connection nobody will see
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return socket == null ? null : socket.localAddress();
        }
    }

    @Override
    public String toString() {
        return "AsyncServerSocket[" + backend.name() + ", " + localAddress() + (isClosed() ? ", closed]" : "]");
    }
}
