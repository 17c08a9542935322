package org.iocp4j.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import io.netty.channel.unix.Socket;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.AcceptTarget;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.BufferRules;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketOptionRules;
import org.iocp4j.io.SocketRules;
import org.iocp4j.spi.SocketOptionValues;

/**
 * An overlapped TCP socket over Netty's non-blocking unix {@link Socket}. It has no fd until
 * {@link #connect} opens one or an accept hands it one (AcceptEx's pre-created socket), so an
 * unused socket costs no descriptor. Every syscall runs under the handle's lock, and the fd is
 * closed only after the handle is marked closed, so no syscall can meet a reused fd number.
 */
final class UnixAsyncSocket extends FdHandle implements AsyncSocket, AcceptTarget.Landing<Integer> {
    private static final System.Logger LOG = System.getLogger(UnixAsyncSocket.class.getName());
    /** Options given before the fd exists, set on every fd this socket gets. Guarded by lock. */
    private final SocketOptionValues options = new SocketOptionValues();
    /**
     * A finished read and write of each kind (one buffer, scatter, gather) kept for the next of
     * that kind (see {@link #recycle}): a socket's steady traffic, one read and one write at a
     * time, then allocates nothing per operation. Taken by whichever thread issues next; a second
     * concurrent issuer allocates.
     */
    private final AtomicReference<RecvOp> spareRead = new AtomicReference<>();
    private final AtomicReference<SendOp> spareWrite = new AtomicReference<>();
    private final AtomicReference<ScatterRecvOp> spareScatter = new AtomicReference<>();
    private final AtomicReference<GatherSendOp> spareGather = new AtomicReference<>();
    /** A connect opened the current fd and has not completed. Guarded by lock. */
    private boolean connecting;
    /** The accept promised to land here (AcceptEx's side of the pre-created socket); a connection is an fd. */
    final AcceptTarget<Integer> accepts = new AcceptTarget<>(this, this);

    UnixAsyncSocket(UnixBackend backend, Poller poller) {
        super(backend, poller);
    }

    UnixBackend unixBackend() {
        return backend;
    }

    @Override
    void fdForgotten() {
        accepts.socketClosed(); // R71: the accept into this socket is aborted
    }

    @Override
    public int connect(InetSocketAddress remote, Overlapped overlapped) {
        SocketRules.checkConnect(remote, overlapped);
        accepts.checkConnectable();
        return submit(new ConnectOp(this, remote, overlapped));
    }

    @Override
    public int read(ByteBuffer dst, Overlapped overlapped) {
        BufferRules.checkReadTarget(dst, "dst");
        Objects.requireNonNull(overlapped, "overlapped");
        RecvOp spare = spareRead.getAndSet(null);
        return submit(spare == null ? new RecvOp(this, dst, overlapped) : spare.reuse(dst, overlapped));
    }

    @Override
    public int read(ByteBuffer[] dsts, Overlapped overlapped) {
        BufferRules.checkScatter(dsts);
        Objects.requireNonNull(overlapped, "overlapped");
        ScatterRecvOp spare = spareScatter.getAndSet(null);
        return submit(spare == null ? new ScatterRecvOp(this, dsts, overlapped) : spare.reuse(dsts, overlapped));
    }

    @Override
    public int write(ByteBuffer src, Overlapped overlapped) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(overlapped, "overlapped");
        SendOp spare = spareWrite.getAndSet(null);
        return submit(spare == null ? new SendOp(this, src, overlapped) : spare.reuse(src, overlapped));
    }

    @Override
    public int write(ByteBuffer[] srcs, Overlapped overlapped) {
        BufferRules.checkGather(srcs);
        Objects.requireNonNull(overlapped, "overlapped");
        GatherSendOp spare = spareGather.getAndSet(null);
        return submit(spare == null ? new GatherSendOp(this, srcs, overlapped) : spare.reuse(srcs, overlapped));
    }

    @Override
    public void shutdownOutput() throws IOException {
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            Socket s = socket();
            if (s == null) {
                throw new NotYetConnectedException();
            }
            s.shutdown(false, true);
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
    public InetSocketAddress remoteAddress() {
        synchronized (lock) {
            Socket s = socket();
            return s == null ? null : s.remoteAddress();
        }
    }

    /** A read or write while a connect is in progress fails at once, as on Windows (WSAENOTCONN). */
    @Override
    protected int refusal(PendingOp op) {
        return connecting && !(op instanceof ConnectOp) ? Win32Error.WSAENOTCONN : 0;
    }

    @Override
    protected void recycle(PendingOp op) {
        if (op instanceof RecvOp r) {
            spareRead.setRelease(r);
        } else if (op instanceof SendOp w) {
            spareWrite.setRelease(w);
        } else if (op instanceof ScatterRecvOp r) {
            spareScatter.setRelease(r);
        } else if (op instanceof GatherSendOp w) {
            spareGather.setRelease(w);
        }
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        SocketOptionRules.checkSet(option, value);
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            Socket s = socket();
            if (s != null) {
                UnixSocketOptions.set(s, option, value); // a refusal changes nothing
            }
            options.remember(option, value); // a failed connect's next fd gets it too
        }
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        SocketOptionRules.checkOption(option);
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            Socket s = socket();
            return s != null ? UnixSocketOptions.get(s, option) : options.valueBeforeTheSocket(option);
        }
    }

    /** Sets the options given so far on a new fd, in the order given. */
    private void applyOptions(Socket s) throws IOException {
        options.applyTo((option, value) -> UnixSocketOptions.set(s, option, value));
    }

    /** True if neither a connection nor an accept is tied to this socket. Guarded by lock. */
    boolean isFreeForConnect() {
        return accepts.isFree();
    }

    /** Opens the fd for a connect and starts watching it. Guarded by lock. */
    Socket openForConnect(InetSocketAddress remote) {
        Socket s = StreamSocket.openFor(remote.getAddress());
        try {
            applyOptions(s); // before the SYN, as on a socket set up before connect()
        } catch (IOException | RuntimeException e) {
            try {
                s.close(); // nobody else will
            } catch (IOException ignored) {
                // the refusal is what the connect reports
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        attach(s);
        connecting = true;
        return s;
    }

    /**
     * The connect that opened {@code opened} (null: it opened nothing) completed; a failed or
     * cancelled one drops its fd so the socket can connect again. Only the fd it opened: another
     * connect's, or an accepted connection, is not its to drop. Guarded by lock.
     */
    void connectEnded(Socket opened, boolean failed) {
        if (opened == null || socket() != opened) {
            return;
        }
        connecting = false;
        if (failed && !isClosed()) { // a closed socket's release() closes it
            detach();
        }
    }

    // ---- for accepts (AcceptTarget.Landing, called with the lock held) ------------------------

    @Override
    public boolean isConnectedOrConnecting() {
        return socket() != null;
    }

    /**
     * Takes over an fd accept() returned and starts watching it. Options given before are set on
     * it first; one the OS refuses now (values were checked when given) is logged, and the
     * connection goes on without it rather than being lost.
     */
    @Override
    public void takeOver(Integer fd) {
        Socket s = StreamSocket.adopt(fd);
        try {
            applyOptions(s);
        } catch (IOException | RuntimeException e) { // the connection goes on without it rather than leak
            LOG.log(System.Logger.Level.WARNING, "an accepted socket refused an option set before the accept", e);
        }
        attach(s);
    }

    @Override
    public String toString() {
        Socket s;
        synchronized (lock) {
            s = socket();
        }
        return "AsyncSocket[" + backend.name() + (s == null ? "" : ", fd " + s.intValue())
                + (isClosed() ? ", closed]" : "]");
    }
}
