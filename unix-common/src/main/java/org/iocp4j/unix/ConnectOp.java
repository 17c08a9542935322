package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * ConnectEx: opens the fd and connects without blocking; the kernel finishes the handshake and
 * write readiness reports it. Loopback refusals arrive that way, as a packet (R57), not as a
 * synchronous failure. A failed or cancelled connect drops its fd, so the socket may try again.
 */
final class ConnectOp extends PendingOp {
    private final UnixAsyncSocket owner;
    private final InetSocketAddress remote;
    private boolean started;
    /** The fd this connect opened, or null. */
    private Socket opened;

    ConnectOp(UnixAsyncSocket owner, InetSocketAddress remote, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        this.owner = owner;
        this.remote = remote;
    }

    @Override
    protected int attempt() {
        if (!started) {
            started = true;
            return start();
        }
        Socket s = owner.socket();
        try {
            int err = s.getSoError(); // the handshake's outcome; reading it clears it
            if (err != 0) {
                return -Errno.toWin32(err);
            }
            // readiness may come before the handshake ends (the first poll after registering)
            return s.remoteAddress() != null ? 0 : WOULD_BLOCK;
        } catch (IOException e) {
            return -NativeErrors.win32Of(e);
        }
    }

    private int start() {
        if (!owner.isFreeForConnect()) {
            return -Win32Error.WSAEISCONN; // another connect or an accept got there first
        }
        Socket s;
        try {
            s = owner.openForConnect(remote);
        } catch (RuntimeException e) {
            return -NativeErrors.win32Of(e); // e.g. EMFILE
        }
        opened = s;
        try {
            return s.connect(remote) ? 0 : WOULD_BLOCK;
        } catch (IOException e) {
            return -NativeErrors.win32Of(e); // e.g. ENETUNREACH at once
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_OPERATION_ABORTED;
    }

    @Override
    protected void completed(int bytes, int error) {
        owner.connectEnded(opened, error != 0);
    }
}
