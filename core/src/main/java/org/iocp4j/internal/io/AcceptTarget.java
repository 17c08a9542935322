package org.iocp4j.internal.io;

import java.util.Objects;

/**
 * The accept-socket side of AcceptEx, once for every emulating backend: the pre-created socket
 * is promised to one accept when it is issued, takes the connection when the accept finds one,
 * and aborts the accept if it closes first (R71). The backend's socket holds one and supplies a
 * {@link Landing}: whether it has a connection, and how it takes one over (adopting an fd, or a
 * simulated endpoint).
 *
 * <p>The promise is guarded by the socket's lock. Lock order: the listener's lock, then this
 * socket's (an accept hands over its connection holding the listener's lock); {@link
 * #socketClosed} takes the listener's lock, so it is called holding no lock of the socket.
 *
 * @param <C> the backend's connection: an accepted fd, a simulated endpoint
 */
public final class AcceptTarget<C> {
    /** What only the backend knows about its socket. Called with the socket's lock held. */
    public interface Landing<C> {
        /** Whether a connect or an earlier accept tied a connection to the socket. */
        boolean isConnectedOrConnecting();

        /** Takes over {@code connection}: the socket is connected from now on. */
        void takeOver(C connection);
    }

    private final EmulatedIoHandle socket;
    private final Landing<C> landing;
    /** The accept promised to land here, or null. Guarded by the socket's lock. */
    private AcceptOp<C> promised;

    public AcceptTarget(EmulatedIoHandle socket, Landing<C> landing) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.landing = Objects.requireNonNull(landing, "landing");
    }

    /**
     * Guarded by the socket's lock: true if neither a connection nor an accept is tied to the
     * socket, so a ConnectEx may start (otherwise WSAEISCONN).
     */
    public boolean isFree() {
        return !landing.isConnectedOrConnecting() && promised == null;
    }

    /**
     * ConnectEx needs a freshly opened socket: takes the socket's lock and refuses an open socket
     * that is connected, connecting or promised to an accept.
     *
     * @throws IllegalStateException (WSAEISCONN) if it is not free
     */
    public void checkConnectable() {
        synchronized (socket.lock) {
            if (!socket.isClosed() && !isFree()) {
                throw new IllegalStateException("this socket is already connected, connecting or promised to an "
                        + "accept (WSAEISCONN): ConnectEx needs a freshly opened socket");
            }
        }
    }

    /**
     * The socket closed (call from its release, holding none of its locks): the accept promised
     * to it completes with ERROR_OPERATION_ABORTED if it still waits (R71).
     */
    public void socketClosed() {
        AcceptOp<C> op;
        synchronized (socket.lock) {
            op = promised;
        }
        if (op != null) {
            op.targetClosed();
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    /** Promises this fresh socket to {@code op}; false if it is closed or not free. */
    boolean reserve(AcceptOp<C> op) {
        synchronized (socket.lock) {
            if (socket.isClosed() || !isFree()) {
                return false;
            }
            promised = op;
            return true;
        }
    }

    void unreserve(AcceptOp<C> op) {
        synchronized (socket.lock) {
            if (promised == op) {
                promised = null;
            }
        }
    }

    /** Takes over {@code connection} for {@code op}; false (not taken) if the socket closed meanwhile. */
    boolean adopt(AcceptOp<C> op, C connection) {
        synchronized (socket.lock) {
            if (socket.isClosed() || promised != op || landing.isConnectedOrConnecting()) {
                return false;
            }
            landing.takeOver(connection);
            promised = null;
            return true;
        }
    }
}
