package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;

/**
 * A handle over at most one non-blocking socket fd at a time, watched (edge-triggered, always
 * armed) by the poller of the port it was opened through. The fd is attached and detached under
 * the handle's lock; at close it is detached after the handle is marked closed, so no attempt
 * can meet a reused fd number.
 */
abstract class FdHandle extends EmulatedIoHandle {
    final UnixBackend backend;
    /** Where this handle's fd is watched: the poller of the port it was opened through. */
    final Poller poller;
    /** Null until the handle has an fd. Guarded by lock. */
    private Socket socket;
    /** Watches {@link #socket}. Guarded by lock. */
    private FdWatch watch;

    FdHandle(UnixBackend backend, Poller poller) {
        this.backend = backend;
        this.poller = poller;
    }

    @Override
    protected final String backend() {
        return backend.name();
    }

    @Override
    protected final void arm(PendingOp.Direction direction) {
        // the FdWatch is edge-triggered and always armed
    }

    /** The fd, or null while there is none. Guarded by lock: call from an attempt. */
    final Socket socket() {
        return socket;
    }

    /** Takes {@code s} as this handle's fd and starts watching it. Guarded by lock. */
    final void attach(Socket s) {
        socket = s;
        newDescriptor();
        watch = backend.watch(s, this, poller);
    }

    /** Drops the fd, if any, and stops watching it (the watch closes it). Guarded by lock. */
    final void detach() {
        FdWatch w = forget();
        newDescriptor(); // the next connect opens another fd
        if (w != null) {
            w.release();
        }
    }

    /** Guarded by lock: forgets the fd; returns its watch, for the caller to release, or null. */
    private FdWatch forget() {
        FdWatch w = watch;
        watch = null;
        socket = null;
        return w;
    }

    /** Called at close, after the fd is forgotten and before it is closed; nothing by default. */
    void fdForgotten() {}

    @Override
    protected final void release() {
        FdWatch w;
        synchronized (lock) {
            w = forget();
        }
        fdForgotten();
        if (w != null) {
            w.release();
        }
    }
}
