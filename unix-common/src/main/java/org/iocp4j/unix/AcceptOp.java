package org.iocp4j.unix;

import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * AcceptEx: accept() on the listening fd, and the new fd goes into the caller's pre-created
 * socket, which was promised to this operation when it was issued. Completes with 0 bytes (no
 * receive buffer). If the target socket is closed first, the accept completes with
 * ERROR_OPERATION_ABORTED (R71). Lock order: the listener's lock, then the target's.
 */
final class AcceptOp extends PendingOp {
    private final UnixAsyncServerSocket listener;
    private final UnixAsyncSocket target;
    /** Guarded by the listener's lock. */
    private boolean finished;
    /** Issued and pending, so cancelling its Overlapped reaches exactly this operation. Guarded by the listener's lock. */
    private boolean pending;

    AcceptOp(UnixAsyncServerSocket listener, UnixAsyncSocket target, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.listener = listener;
        this.target = target;
    }

    UnixAsyncSocket target() {
        return target;
    }

    @Override
    protected int attempt() {
        Socket s = listener.socket();
        if (s == null) {
            return -Win32Error.ERROR_INVALID_HANDLE;
        }
        int fd;
        try {
            fd = s.accept(listener.addressScratch());
        } catch (IOException | RuntimeException e) {
            return -NativeErrors.win32Of(e);
        }
        if (fd < 0) {
            return WOULD_BLOCK;
        }
        if (!target.adopt(this, fd)) {
            closeQuietly(fd); // the target closed while we waited (R71)
            return -Win32Error.ERROR_OPERATION_ABORTED;
        }
        return 0;
    }

    private static void closeQuietly(int fd) {
        try {
            new FileDescriptor(fd).close();
        } catch (IOException e) {
            // nothing else to do with a connection nobody will see
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_OPERATION_ABORTED; // R71: AcceptEx on a closed listening socket
    }

    @Override
    protected void completed(int bytes, int error) {
        finished = true;
        target.unreserve(this);
    }

    /** Guarded by the listener's lock. */
    boolean isFinished() {
        return finished;
    }

    /** Guarded by the listener's lock. */
    void markPending() {
        pending = !finished;
    }

    /** Guarded by the listener's lock: true while cancelling its Overlapped reaches this operation only. */
    boolean isCancellable() {
        return pending && !finished;
    }

    /** The target socket closed: abort this accept if it still waits. Call without the target's lock. */
    void targetClosed() {
        listener.abortAccept(this);
    }
}
