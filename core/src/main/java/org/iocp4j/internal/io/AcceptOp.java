package org.iocp4j.internal.io;

import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * AcceptEx on an emulating backend: takes the oldest connection waiting on the listener into the
 * caller's pre-created socket, which was promised to this operation when it was issued (see
 * {@link AcceptTarget}), and completes with 0 bytes (no receive buffer). Issued by
 * {@link Acceptor}; the backend only says how a connection is taken and dropped.
 *
 * <p>Its state is guarded by the listener's lock. Lock order: the listener's lock, then the
 * target's ({@link #attempt} and {@link #completed} run under the listener's lock and take the
 * target's); the target calls back ({@link #targetClosed}) holding no lock of its own.
 *
 * @param <C> the backend's connection: an accepted fd, a simulated endpoint
 */
public final class AcceptOp<C> extends PendingOp {
    private final Acceptor<C> acceptor;
    private final AcceptTarget<C> target;
    /** Has its final result (done, failed, cancelled or aborted). Guarded by the listener's lock. */
    private boolean finished;
    /** Issued and pending, so cancelling its Overlapped reaches exactly this operation. Guarded by the listener's lock. */
    private boolean pending;

    AcceptOp(Acceptor<C> acceptor, AcceptTarget<C> target, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.acceptor = acceptor;
        this.target = target;
    }

    @Override
    protected int attempt() {
        return acceptor.source().acceptNext(this);
    }

    /**
     * Hands a connection the listener just took to the target socket; what
     * {@link Acceptor.Source#acceptNext} returns once it has one. Guarded by the listener's lock.
     *
     * @return 0 (done), or -ERROR_OPERATION_ABORTED if the target closed while the accept waited
     *     (R71: AcceptEx whose accept socket is closed); the connection is then dropped
     */
    public int land(C connection) {
        if (!target.adopt(this, connection)) {
            acceptor.source().discard(connection); // nobody will see it: the peer is reset
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
        target.unreserve(this); // the target is free again unless it took the connection
    }

    /** Guarded by the listener's lock. */
    boolean isFinished() {
        return finished;
    }

    /** Guarded by the listener's lock: the issuing call returned ERROR_IO_PENDING. */
    void markPending() {
        pending = !finished;
    }

    /** Guarded by the listener's lock: true while cancelling its Overlapped reaches this operation only (R67). */
    boolean isCancellable() {
        return pending && !finished;
    }

    /** The target socket closed: abort this accept if it still waits. Call without the target's lock. */
    void targetClosed() {
        acceptor.abort(this);
    }
}
