package org.iocp4j.sim.io.kernel;

import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * AcceptEx: takes the oldest connection of the listener's backlog into the caller's pre-created
 * socket, which was promised to this operation when it was issued; completes with 0 bytes (no
 * receive buffer). If the target socket is closed first, the accept completes with
 * ERROR_OPERATION_ABORTED (R71). Lock order: the listener's lock, then the target's.
 */
final class AcceptOp extends PendingOp {
    private final SimServerSocket listener;
    private final SimSocket target;
    /** Guarded by the listener's lock. */
    private boolean finished;
    /** Guarded by the listener's lock. */
    private boolean pending;

    AcceptOp(SimServerSocket listener, SimSocket target, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.listener = listener;
        this.target = target;
    }

    @Override
    protected int attempt() {
        Endpoint e = listener.nextConnection();
        if (e == null) {
            return WOULD_BLOCK;
        }
        if (!target.adopt(this, e)) {
            e.abort(); // the target closed while we waited (R71): the client is reset
            return -Win32Error.ERROR_OPERATION_ABORTED;
        }
        return 0;
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

    /** The target socket closed: abort this accept if it still waits. */
    void targetClosed() {
        listener.abortAccept(this);
    }
}
