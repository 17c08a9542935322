package org.iocp4j.unix;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import io.netty.channel.ChannelException;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.AcceptOp;
import org.iocp4j.internal.io.Acceptor;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketRules;

/** A listening TCP socket whose accepts are overlapped (AcceptEx), over Netty's unix {@link Socket}. */
final class UnixAsyncServerSocket extends FdHandle implements AsyncServerSocket, Acceptor.Source<Integer> {
    /** The default backlog, as SOMAXCONN's usual floor. */
    private static final int DEFAULT_BACKLOG = 128;

    /** accept()'s out-parameter for the peer address; guarded by lock. */
    private final byte[] addressScratch = new byte[26];
    /** AcceptEx, shared with the other emulating backends; a connection is an accepted fd. */
    private final Acceptor<Integer> accepts = new Acceptor<>(this, this);

    UnixAsyncServerSocket(UnixBackend backend, Poller poller) {
        super(backend, poller);
    }

    @Override
    public void bind(InetSocketAddress local, int backlog) throws IOException {
        SocketRules.checkBind(local, backlog);
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (socket() != null) {
                throw new IllegalStateException("already bound to " + socket().localAddress() + " (WSAEINVAL)");
            }
            Socket s;
            try {
                s = StreamSocket.openFor(local.getAddress());
            } catch (ChannelException e) {
                throw new IOException("cannot open a socket: " + e.getMessage(), e.getCause()); // e.g. EMFILE
            }
            try {
                s.setReuseAddress(true); // as the JDK's server sockets do on unix: rebinding after a close works
                bind(s, local);
                s.listen(backlog == 0 ? DEFAULT_BACKLOG : backlog);
            } catch (IOException | RuntimeException e) {
                try {
                    s.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            attach(s); // the fd is the socket's from here: bound, listening and watched
        }
    }

    /** An address in use or not local fails with java.net's BindException, as the JDK's channels and the other backends say it. */
    private static void bind(Socket s, InetSocketAddress local) throws IOException {
        try {
            s.bind(local);
        } catch (IOException e) {
            int error = NativeErrors.win32Of(e);
            if (error == Win32Error.WSAEADDRINUSE || error == Win32Error.WSAEADDRNOTAVAIL) {
                BindException b = new BindException("bind to " + local + " failed: " + Win32Error.describe(error));
                b.initCause(e);
                throw b;
            }
            throw e;
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
        return socket() != null;
    }

    /** accept() on the listening fd; the new fd goes to {@code op}. Guarded by lock: called from an attempt. */
    @Override
    public int acceptNext(AcceptOp<Integer> op) {
        Socket s = socket();
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
            Socket s = socket();
            return s == null ? null : s.localAddress();
        }
    }

    @Override
    public String toString() {
        return "AsyncServerSocket[" + backend.name() + ", " + localAddress() + (isClosed() ? ", closed]" : "]");
    }
}
