package org.iocp4j.windows;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.io.SocketRules;

/**
 * A listening TCP socket whose accepts are AcceptEx: the native socket is created at bind, in the
 * address's family, and accepted sockets are created in that family too.
 */
final class WindowsAsyncServerSocket extends WindowsHandle implements AsyncServerSocket {
    /** The family of the bound socket. Guarded by lock. */
    private int family;

    WindowsAsyncServerSocket() {
        // no native socket until bind
    }

    @Override
    void closeNative(long handle) {
        Ws2_32.closesocket(handle);
    }

    @Override
    boolean kernelMaySkip(long handle) {
        return WindowsAsyncSocket.isIfsSocket(handle);
    }

    @Override
    public void bind(InetSocketAddress local, int backlog) throws IOException {
        SocketRules.checkBind(local, backlog);
        synchronized (lock) {
            if (closedLocked()) {
                throw new ClosedChannelException();
            }
            if (nativeHandle() != 0) {
                throw new IllegalStateException("already bound to " + localAddress() + " (WSAEINVAL)");
            }
            int f = SocketAddresses.familyOf(local.getAddress());
            long s = WindowsAsyncSocket.newSocket(f);
            if (s == Ws2_32.INVALID_SOCKET) {
                throw new IOException("cannot open a socket: " + Win32Error.describe(WinsockErrors.toWin32(Ws2_32.lastError())));
            }
            long name = NativeMemory.allocate(SocketAddresses.MAX_LENGTH);
            try {
                String failed = null;
                if (Ws2_32.bind(s, name, SocketAddresses.write(name, local)) != 0) {
                    failed = "bind to " + local;
                } else if (Ws2_32.listen(s, backlog == 0 ? Ws2_32.SOMAXCONN : backlog) != 0) {
                    failed = "listen on " + local;
                }
                int error = failed == null ? adoptNative(s) : WinsockErrors.toWin32(Ws2_32.lastError());
                if (error != 0) {
                    Ws2_32.closesocket(s);
                    String why = (failed == null ? "associating the listening socket" : failed) + " failed: "
                            + Win32Error.describe(error);
                    throw error == Win32Error.WSAEADDRINUSE || error == Win32Error.WSAEADDRNOTAVAIL
                            ? new BindException(why) : new IOException(why); // as the JDK's channels say it
                }
            } finally {
                NativeMemory.free(name);
            }
            family = f;
        }
    }

    @Override
    public int accept(AsyncSocket acceptSocket, Overlapped overlapped) {
        Objects.requireNonNull(acceptSocket, "acceptSocket");
        Objects.requireNonNull(overlapped, "overlapped");
        if (!(acceptSocket instanceof WindowsAsyncSocket target)) {
            throw new IllegalArgumentException("acceptSocket must be opened through the io() of a 'windows' port, as "
                    + "this listening socket was");
        }
        if (target.isClosed()) {
            throw new IllegalArgumentException("acceptSocket is closed: open a fresh socket for each accept");
        }
        int f;
        synchronized (lock) {
            if (!closedLocked() && nativeHandle() == 0) {
                throw new IllegalStateException("this listening socket is not bound: call bind(address, backlog) first");
            }
            f = family;
        }
        return start(new AcceptOp(this, target, f, overlapped));
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (lock) {
            return nativeHandle() == 0 ? null : Names.local(nativeHandle());
        }
    }

    @Override
    public String toString() {
        return "AsyncServerSocket[windows" + (isClosed() ? ", closed]" : "]");
    }
}
