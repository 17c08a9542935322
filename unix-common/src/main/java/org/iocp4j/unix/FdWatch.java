package org.iocp4j.unix;

import io.netty.channel.IoHandle;
import io.netty.channel.IoRegistration;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;

/**
 * One fd in a {@link Poller}'s Netty handler, edge-triggered for both directions for its whole
 * life: every edge retries the owner's queued operations of that direction
 * ({@link EmulatedIoHandle#onReady}).
 *
 * <p>Why edge-triggered and always armed rather than one-shot: no epoll_ctl/kevent per operation,
 * and no busy loop on an fd in an error state nobody reads. No edge is lost: an operation is
 * tried and queued under the handle's lock, and {@code onReady} retries under that same lock, so
 * data arriving after a try that would block finds the operation queued. Registering is a task of
 * the poller; the first poll after it reports what is already ready, and the watch also retries
 * both directions once when the registration lands.
 *
 * <p>Release closes the fd at once when the registration has landed (closing removes it from the
 * kernel's interest set, and the handler forgets it in a task queued before any later
 * registration of the same fd number), else right after it lands: a reused fd number never meets
 * a stale registration, and a closed listening socket refuses connections at once.
 */
public abstract class FdWatch implements IoHandle {
    private static final System.Logger LOG = System.getLogger(FdWatch.class.getName());

    private final FileDescriptor fd;
    private final EmulatedIoHandle owner;
    private final Poller poller;
    /** Null until the registration lands. Guarded by this. */
    private IoRegistration registration;
    /** Release was asked for. Guarded by this. */
    private boolean released;

    protected FdWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        this.fd = fd;
        this.owner = owner;
        this.poller = poller;
    }

    /** The watched fd. */
    public final FileDescriptor fd() {
        return fd;
    }

    /** Submits the edge-triggered read and write interest to a fresh registration. */
    protected abstract void watchBothDirections(IoRegistration registration);

    /** The backend decoded an event: retry the owner's queued operations of each ready direction. */
    protected final void ready(boolean readable, boolean writable) {
        ready(readable, writable, false);
    }

    /** As {@link #ready(boolean, boolean)}; {@code readEnd}: the event says the peer ended the read side. */
    protected final void ready(boolean readable, boolean writable, boolean readEnd) {
        try {
            if (readEnd) {
                owner.onReadEnd();
            }
            if (readable) {
                owner.onReady(PendingOp.Direction.READ);
            }
            if (writable) {
                owner.onReady(PendingOp.Direction.WRITE);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "completing an operation of " + owner + " failed", e);
        }
    }

    /** Registers with the poller, always from its task: never inside a caller's locks. */
    final void start() {
        poller.execute(this::register);
    }

    /** A task of the poller, before any task queued after {@link #start()}. */
    private void register() {
        IoRegistration r = null;
        try {
            r = poller.register(this);
            watchBothDirections(r);
        } catch (Exception e) {
            unwatchable(r, e);
            return;
        }
        synchronized (this) {
            if (!released) {
                registration = r;
                r = null;
            }
        }
        if (r != null) {
            closeNow(r); // released before it landed
            return;
        }
        ready(true, true);
    }

    /**
     * Registering failed (epoll_ctl refused, say ENOMEM): close the owner, whose pending operations
     * complete with their close error (R71), unless it let go of this fd already (a dropped
     * connect's), and close the fd, which nobody else will.
     */
    private void unwatchable(IoRegistration r, Exception e) {
        if (r != null) {
            r.cancel();
        }
        boolean current;
        synchronized (this) {
            current = !released;
        }
        if (current) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + fd + "; closing " + owner, e);
            owner.close(); // releases this watch, which then has no registration to close the fd with
        }
        try {
            fd.close();
        } catch (IOException closeFailure) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + fd, closeFailure);
        }
    }

    /**
     * Stops watching and closes the fd: now if the registration has landed, else as soon as it
     * lands. Call once the owner no longer touches the fd (it is closed, or dropped a failed
     * connect's fd).
     */
    final void release() {
        IoRegistration r;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            r = registration;
            registration = null;
        }
        if (r != null) {
            closeNow(r);
        }
    }

    private void closeNow(IoRegistration r) {
        r.cancel(); // on another thread than the poll's, the handler forgets the fd in a task
        try {
            fd.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + fd, e);
        }
    }

    /** Netty closes the handle when its handler goes away under it: close the owner. */
    @Override
    public final void close() {
        owner.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + fd + " of " + owner + "]";
    }
}
