package org.iocp4j.windows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.BufferRules;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketOptionRules;
import org.iocp4j.io.SocketRules;
import org.iocp4j.spi.SocketOptionValues;

/**
 * An overlapped TCP socket: WSASocketW with WSA_FLAG_OVERLAPPED, created when its address family
 * is known (a connect, or an accept into it), so {@link WindowsIoFactory#openSocket()} costs no
 * kernel object. The association and modes given before then are applied to the new socket.
 * WSARecv and WSASend take the caller's buffers ({@link BufferOp}); ConnectEx and AcceptEx finish
 * with SO_UPDATE_CONNECT_CONTEXT / SO_UPDATE_ACCEPT_CONTEXT, so shutdown, getpeername and
 * getsockname work as on a socket from connect() or accept().
 */
final class WindowsAsyncSocket extends WindowsHandle implements AsyncSocket {
    private static final System.Logger LOG = System.getLogger(WindowsAsyncSocket.class.getName());
    /** Options given, set on every native socket this socket gets. Guarded by lock. */
    private final SocketOptionValues options = new SocketOptionValues();
    /** The accept promised to land here, or null. Guarded by lock. */
    private AcceptOp acceptInto;
    /** See {@link #assumeLayeredProvider()}. */
    private volatile boolean layeredForTests;

    WindowsAsyncSocket() {
        // no native socket until connect or accept
    }

    /** A new overlapped, non-inheritable TCP socket of {@code family}, or INVALID_SOCKET (see lastError). */
    static long newSocket(int family) {
        return Ws2_32.WSASocketW(family, Ws2_32.SOCK_STREAM, Ws2_32.IPPROTO_TCP, 0, 0,
                Ws2_32.WSA_FLAG_OVERLAPPED | Ws2_32.WSA_FLAG_NO_HANDLE_INHERIT);
    }

    @Override
    void closeNative(long handle) {
        Ws2_32.closesocket(handle);
    }

    @Override
    boolean kernelMaySkip(long handle) {
        return !layeredForTests && isIfsSocket(handle);
    }

    /** Tests: treat this socket's provider as layered, not IFS (R63), as on a machine with such an LSP. */
    void assumeLayeredProvider() {
        layeredForTests = true;
    }

    /** True if the socket's provider hands out real kernel handles (no layered provider, R63). */
    static boolean isIfsSocket(long s) {
        long info = NativeMemory.allocate(Ws2_32.PROTOCOL_INFO_SIZE + 8);
        try {
            NativeMemory.putInt(info + Ws2_32.PROTOCOL_INFO_SIZE, Ws2_32.PROTOCOL_INFO_SIZE);
            if (Ws2_32.getsockopt(s, Ws2_32.SOL_SOCKET, Ws2_32.SO_PROTOCOL_INFOW, info,
                    info + Ws2_32.PROTOCOL_INFO_SIZE) != 0) {
                return false;
            }
            return (NativeMemory.getInt(info) & Ws2_32.XP1_IFS_HANDLES) != 0;
        } finally {
            NativeMemory.free(info);
        }
    }

    @Override
    public int connect(InetSocketAddress remote, Overlapped overlapped) {
        SocketRules.checkConnect(remote, overlapped);
        synchronized (lock) {
            if (!closedLocked() && (nativeHandle() != 0 || acceptInto != null)) {
                throw new IllegalStateException("this socket is already connected, connecting or promised to an "
                        + "accept (WSAEISCONN): ConnectEx needs a freshly opened socket");
            }
        }
        return start(new ConnectOp(this, remote, overlapped));
    }

    /** Under lock (ConnectOp.open): creates the native socket and binds it to the wildcard; 0 or a Win32 error. */
    int openForConnect(int family) {
        if (nativeHandle() != 0 || acceptInto != null) {
            return Win32Error.WSAEISCONN; // a connect raced with another
        }
        long s = newSocket(family);
        if (s == Ws2_32.INVALID_SOCKET) {
            return WinsockErrors.toWin32(Ws2_32.lastError());
        }
        try {
            applyOptions(s); // before the SYN, as on a socket set up before connect()
        } catch (IOException e) {
            int error = WinsockErrors.toWin32(Ws2_32.lastError());
            Ws2_32.closesocket(s);
            return error == 0 ? Win32Error.ERROR_GEN_FAILURE : error;
        }
        long name = NativeMemory.allocate(SocketAddresses.MAX_LENGTH);
        try {
            if (Ws2_32.bind(s, name, SocketAddresses.writeWildcard(name, family)) != 0) {
                int error = WinsockErrors.toWin32(Ws2_32.lastError());
                Ws2_32.closesocket(s);
                return error;
            }
        } finally {
            NativeMemory.free(name);
        }
        int error = adoptNative(s);
        if (error != 0) {
            Ws2_32.closesocket(s);
        }
        return error;
    }

    /** Under lock (ConnectOp.settle): a connect's final result; a failed one leaves the socket free to connect again. */
    int connectSettled(int error) {
        if (closedLocked()) {
            return error; // closed meanwhile: the kernel's word, and no socket left to update
        }
        int result = error;
        if (result == 0 && Ws2_32.setsockopt(nativeHandle(), Ws2_32.SOL_SOCKET, Ws2_32.SO_UPDATE_CONNECT_CONTEXT, 0, 0) != 0) {
            result = WinsockErrors.toWin32(Ws2_32.lastError());
        }
        if (result != 0) {
            dropNative();
        }
        return result;
    }

    /** A connect refused before it started: drop a socket it may have created. */
    void connectRefused() {
        synchronized (lock) {
            if (acceptInto == null) {
                dropNative();
            }
        }
    }

    /**
     * Under the listener's lock: promises this fresh socket to {@code op} and creates its native
     * socket in {@code family}. Returns the SOCKET, or a negative Win32 error if it cannot be created.
     *
     * @throws IllegalArgumentException if this socket is closed, connected, connecting or promised already
     */
    long reserveFor(AcceptOp op, int family) {
        synchronized (lock) {
            if (closedLocked()) {
                throw new IllegalArgumentException("acceptSocket is closed: open a fresh socket for each accept");
            }
            if (nativeHandle() != 0 || acceptInto != null) {
                throw new IllegalArgumentException("acceptSocket must be freshly opened: it is connected, connecting or "
                        + "already promised to another accept (AcceptEx: WSAEINVAL)");
            }
            long s = newSocket(family);
            if (s == Ws2_32.INVALID_SOCKET) {
                return -WinsockErrors.toWin32(Ws2_32.lastError());
            }
            int error = adoptNative(s);
            if (error != 0) {
                Ws2_32.closesocket(s);
                return -error;
            }
            acceptInto = op;
            return s;
        }
    }

    /** The accept {@code op} was refused before it started: this socket is fresh again. */
    void unreserve(AcceptOp op) {
        synchronized (lock) {
            if (acceptInto == op) {
                acceptInto = null;
                if (!closedLocked()) {
                    dropNative();
                }
            }
        }
    }

    /**
     * Under the listener's lock (AcceptOp.settle): the accept into this socket finished. On success
     * the accepted socket inherits the listener's properties (SO_UPDATE_ACCEPT_CONTEXT, with the
     * listener's SOCKET at {@code listenerSocketAddress}); an accept that failed, or that succeeded
     * on a listener closed meanwhile (R71), leaves this socket fresh again.
     */
    int acceptSettled(AcceptOp op, int error, boolean listenerClosed, long listenerSocketAddress) {
        synchronized (lock) {
            if (acceptInto == op) {
                acceptInto = null;
            }
            if (closedLocked()) {
                return error; // closed under the accept: its native socket is gone
            }
            int result = error;
            if (result == 0 && listenerClosed) {
                result = Win32Error.ERROR_OPERATION_ABORTED;
            }
            if (result == 0 && Ws2_32.setsockopt(nativeHandle(), Ws2_32.SOL_SOCKET, Ws2_32.SO_UPDATE_ACCEPT_CONTEXT,
                    listenerSocketAddress, 8) != 0) {
                result = WinsockErrors.toWin32(Ws2_32.lastError());
            }
            if (result == 0) {
                try {
                    applyOptions(nativeHandle()); // after the update, which copies the listener's
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "an accepted socket refused an option set before the accept", e);
                }
            }
            if (result != 0) {
                dropNative();
            }
            return result;
        }
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        SocketOptionRules.checkSet(option, value);
        synchronized (lock) {
            if (closedLocked()) {
                throw new ClosedChannelException();
            }
            if (nativeHandle() != 0) {
                WindowsSocketOptions.set(nativeHandle(), option, value); // a refusal changes nothing
            }
            options.remember(option, value); // a failed connect's next socket gets it too
        }
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        SocketOptionRules.checkOption(option);
        synchronized (lock) {
            if (closedLocked()) {
                throw new ClosedChannelException();
            }
            long h = nativeHandle();
            return h != 0 ? WindowsSocketOptions.get(h, option) : options.valueBeforeTheSocket(option);
        }
    }

    /** Sets the options given so far on a new native socket, in the order given. Under lock. */
    private void applyOptions(long s) throws IOException {
        options.applyTo((option, value) -> WindowsSocketOptions.set(s, option, value));
    }

    @Override
    public int read(ByteBuffer dst, Overlapped overlapped) {
        BufferRules.checkReadTarget(dst, "dst");
        Objects.requireNonNull(overlapped, "overlapped");
        return start(BufferOp.single(this, overlapped, BufferOp.Kind.RECV, dst, 0));
    }

    @Override
    public int read(ByteBuffer[] dsts, Overlapped overlapped) {
        BufferChecks.scatter(dsts);
        Objects.requireNonNull(overlapped, "overlapped");
        return start(BufferOp.vector(this, overlapped, BufferOp.Kind.RECV, dsts));
    }

    @Override
    public int write(ByteBuffer src, Overlapped overlapped) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(overlapped, "overlapped");
        return start(BufferOp.single(this, overlapped, BufferOp.Kind.SEND, src, 0));
    }

    @Override
    public int write(ByteBuffer[] srcs, Overlapped overlapped) {
        BufferChecks.gather(srcs);
        Objects.requireNonNull(overlapped, "overlapped");
        return start(BufferOp.vector(this, overlapped, BufferOp.Kind.SEND, srcs));
    }

    @Override
    public void shutdownOutput() throws IOException {
        synchronized (lock) {
            if (closedLocked()) {
                throw new ClosedChannelException();
            }
            if (nativeHandle() == 0) {
                throw new NotYetConnectedException();
            }
            if (Ws2_32.shutdown(nativeHandle(), Ws2_32.SD_SEND) != 0) {
                throw new IOException("shutdown(SD_SEND) failed: "
                        + Win32Error.describe(WinsockErrors.toWin32(Ws2_32.lastError())));
            }
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return nativeHandle() == 0 ? null : Names.local(nativeHandle());
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        synchronized (lock) {
            return nativeHandle() == 0 || acceptInto != null ? null : Names.peer(nativeHandle());
        }
    }

    @Override
    public String toString() {
        return "AsyncSocket[windows" + (isClosed() ? ", closed]" : "]");
    }
}
