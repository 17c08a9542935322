package org.iocp4j.internal.io;

import java.util.Objects;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * The listening side of AcceptEx, once for every emulating backend: checks the accept socket,
 * promises it to the accept, issues the accept on the listener's read queue, and undoes the
 * promise if the accept never started. The backend's listening socket holds one and supplies a
 * {@link Source}: how a waiting connection is taken (the accept syscall, or the simulated
 * kernel's backlog) and dropped.
 *
 * <p>Lock order: the listener's lock, then the target socket's. Taking a connection and handing
 * it to the target runs under the listener's lock (as every attempt does) and takes the target's
 * inside it; a target that closes calls {@link #abort} holding no lock of its own.
 *
 * @param <C> the backend's connection: an accepted fd, a simulated endpoint
 */
public final class Acceptor<C> {
    /** What only the backend knows about its listening socket. */
    public interface Source<C> {
        /** Guarded by the listener's lock: whether bind has run. */
        boolean isBound();

        /**
         * Guarded by the listener's lock. One try at the oldest waiting connection, without
         * blocking: {@code op.land(connection)} once it has one, {@link PendingOp#WOULD_BLOCK} when
         * none waits, or {@code -win32Error} when the accept failed.
         */
        int acceptNext(AcceptOp<C> op);

        /** Drops a connection no socket took (its target closed first, R71): resets the peer. */
        void discard(C connection);

        /** Called as an accept is issued, before any lock: the simulator's scheduling point. */
        default void entering() {
            // nothing by default
        }
    }

    private final EmulatedIoHandle listener;
    private final Source<C> source;

    public Acceptor(EmulatedIoHandle listener, Source<C> source) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.source = Objects.requireNonNull(source, "source");
    }

    Source<C> source() {
        return source;
    }

    /**
     * AcceptEx into {@code target}: the Win32 answer of the issuing call (R51-R53). The caller
     * has checked that the accept socket belongs to its backend.
     *
     * @throws IllegalArgumentException if the accept socket is closed, connected, connecting or
     *     promised to another accept (AcceptEx: WSAEINVAL)
     * @throws IllegalStateException if the listener is open and not bound, or the Overlapped is in
     *     flight (R67)
     */
    public int accept(AcceptTarget<C> target, Overlapped overlapped) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(overlapped, "overlapped");
        if (target.isClosed()) {
            throw new IllegalArgumentException("acceptSocket is closed: open a fresh socket for each accept");
        }
        source.entering();
        synchronized (listener.lock) {
            if (!listener.isClosed() && !source.isBound()) {
                throw new IllegalStateException("this listening socket is not bound: call bind(address, backlog) first");
            }
        }
        AcceptOp<C> op = new AcceptOp<>(this, target, overlapped);
        if (!target.reserve(op)) {
            throw new IllegalArgumentException("acceptSocket must be freshly opened: it is connected, connecting or "
                    + "already promised to another accept (AcceptEx: WSAEINVAL)");
        }
        int r;
        try {
            r = listener.submit(op);
        } catch (RuntimeException e) {
            target.unreserve(op); // R67: its Overlapped was in flight, nothing started
            throw e;
        }
        synchronized (listener.lock) {
            if (r == Win32Error.ERROR_IO_PENDING) {
                op.markPending();
                if (target.isClosed() && op.isCancellable()) {
                    // the target closed while this was issued, before it counted as pending, so
                    // its close could not abort it (abort below): do it now (R71)
                    listener.cancel(op.overlapped());
                }
            } else if (!op.isFinished()) {
                target.unreserve(op); // refused before it started (closed listener)
            }
        }
        return r;
    }

    /**
     * The target of {@code op} closed: complete the accept with ERROR_OPERATION_ABORTED if it
     * still waits (R71: AcceptEx whose accept socket is closed; R65: by cancelling it).
     */
    void abort(AcceptOp<C> op) {
        synchronized (listener.lock) {
            if (op.isCancellable()) {
                listener.cancel(op.overlapped());
            }
        }
    }
}
