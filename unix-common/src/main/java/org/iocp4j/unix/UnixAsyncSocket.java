package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Objects;
import org.iocp4j.internal.io.AcceptTarget;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketRules;
import org.iocp4j.io.BufferRules;

/**
 * An overlapped TCP socket over Netty's non-blocking unix {@link Socket}. It has no fd until
 * {@link #connect} opens one or an accept hands it one (AcceptEx's pre-created socket), so an
 * unused socket costs no descriptor. Every syscall runs under the handle's lock, and the fd is
 * closed only after the handle is marked closed, so no syscall can meet a reused fd number.
 */
final class UnixAsyncSocket extends EmulatedIoHandle implements AsyncSocket, AcceptTarget.Landing<Integer> {
    private final UnixBackend backend;
    /** Where this handle's fd is watched: the poller of the port it was opened through. */
    private final Poller poller;
    /** Null until a connect starts or an accept lands. Guarded by lock. */
    private Socket socket;
    /** Watches {@link #socket}. Guarded by lock. */
    private FdWatch watch;
    /** The accept promised to land here (AcceptEx's side of the pre-created socket); a connection is an fd. */
    final AcceptTarget<Integer> accepts = new AcceptTarget<>(this, this);

    UnixAsyncSocket(UnixBackend backend, Poller poller) {
        this.backend = backend;
        this.poller = poller;
    }

    @Override
    protected String backend() {
        return backend.name();
    }

    UnixBackend unixBackend() {
        return backend;
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
        accepts.socketClosed(); // R71: the accept into this socket is aborted
        if (w != null) {
            w.release();
        }
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
        return submit(new RecvOp(this, dst, overlapped));
    }

    @Override
    public int read(ByteBuffer[] dsts, Overlapped overlapped) {
        BufferRules.checkScatter(dsts);
        Objects.requireNonNull(overlapped, "overlapped");
        return submit(new ScatterRecvOp(this, dsts.clone(), overlapped));
    }

    @Override
    public int write(ByteBuffer src, Overlapped overlapped) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(overlapped, "overlapped");
        return submit(new SendOp(this, src, overlapped));
    }

    @Override
    public int write(ByteBuffer[] srcs, Overlapped overlapped) {
        BufferRules.checkGather(srcs);
        Objects.requireNonNull(overlapped, "overlapped");
        return submit(new GatherSendOp(this, srcs.clone(), overlapped));
    }

    @Override
    public void shutdownOutput() throws IOException {
        synchronized (lock) {
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            if (socket == null) {
                throw new NotYetConnectedException();
            }
            socket.shutdown(false, true);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return socket == null ? null : socket.localAddress();
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        synchronized (lock) {
            return socket == null ? null : socket.remoteAddress();
        }
    }

    /** The socket, or null before connect/accept. Guarded by lock: call from an attempt. */
    Socket socket() {
        return socket;
    }

    /** True if neither a connection nor an accept is tied to this socket. Guarded by lock. */
    boolean isFreeForConnect() {
        return accepts.isFree();
    }

    /** Opens the fd for a connect and starts watching it. Guarded by lock. */
    Socket openForConnect(InetSocketAddress remote) {
        Socket s = StreamSocket.openFor(remote.getAddress());
        socket = s;
        watch = backend.watch(s, this, poller);
        return s;
    }

    /** A connect failed or was cancelled: drop its fd so the socket can connect again. Guarded by lock. */
    void dropFailedConnect() {
        if (isClosed() || watch == null) {
            return; // release() closes it
        }
        FdWatch w = watch;
        watch = null;
        socket = null;
        w.release();
    }

    // ---- for accepts (AcceptTarget.Landing, called with the lock held) ------------------------

    @Override
    public boolean isConnectedOrConnecting() {
        return socket != null;
    }

    /** Takes over an fd accept() returned and starts watching it. */
    @Override
    public void takeOver(Integer fd) {
        socket = StreamSocket.adopt(fd);
        watch = backend.watch(socket, this, poller);
    }

    @Override
    public String toString() {
        Socket s;
        synchronized (lock) {
            s = socket;
        }
        return "AsyncSocket[" + backend.name() + (s == null ? "" : ", fd " + s.intValue())
                + (isClosed() ? ", closed]" : "]");
    }
}
