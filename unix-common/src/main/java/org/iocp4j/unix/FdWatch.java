package org.iocp4j.unix;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandle;
import io.netty.channel.IoRegistration;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.FutureListener;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;

/**
 * One fd on a Netty loop, edge-triggered for both directions for its whole life: every edge
 * retries the owner's queued operations of that direction ({@link EmulatedIoHandle#onReady}).
 *
 * <p>Why edge-triggered and always armed rather than one-shot: no epoll_ctl/kevent per operation,
 * and no busy loop on an fd in an error state nobody reads. No edge is lost: an operation is
 * tried and queued under the handle's lock, and {@code onReady} retries under that same lock, so
 * data arriving after a try that would block finds the operation queued. Registering is
 * asynchronous; the first poll after it reports what is already ready, and the watch also retries
 * both directions once when the registration lands.
 *
 * <p>The fd is closed on the loop, after the registration is cancelled, so a reused fd number
 * never meets a stale registration. Loop-thread state is confined to the loop.
 */
public abstract class FdWatch implements IoHandle {
    private static final System.Logger LOG = System.getLogger(FdWatch.class.getName());

    private final FileDescriptor fd;
    private final EmulatedIoHandle owner;
    private final IoEventLoop loop;
    /** Loop thread only. */
    private IoRegistration registration;

    protected FdWatch(FileDescriptor fd, EmulatedIoHandle owner, IoEventLoop loop) {
        this.fd = fd;
        this.owner = owner;
        this.loop = loop;
    }

    /** The watched fd. */
    public final FileDescriptor fd() {
        return fd;
    }

    /** Submits the edge-triggered read and write interest to a fresh registration. */
    protected abstract void watchBothDirections(IoRegistration registration);

    /** The backend decoded an event: retry the owner's queued operations of each ready direction. */
    protected final void ready(boolean readable, boolean writable) {
        try {
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

    /** Registers on the loop, always from a loop task: never inside a caller's locks. */
    final void start() {
        loop.execute(() -> {
            Future<IoRegistration> f = loop.register(this); // inline: we are on the loop
            f.addListener((FutureListener<IoRegistration>) this::registered);
        });
    }

    /** On the loop, before any task queued after {@link #start()}. */
    private void registered(Future<IoRegistration> f) {
        if (!f.isSuccess()) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + fd + "; closing " + owner, f.cause());
            owner.close(); // its pending operations complete with their close error (R71)
            return;
        }
        registration = f.getNow();
        try {
            watchBothDirections(registration);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + fd + "; closing " + owner, e);
            owner.close();
            return;
        }
        ready(true, true);
    }

    /**
     * Stops watching and closes the fd, on the loop after the registration landed. Call once the
     * owner no longer touches the fd (it is closed, or dropped a failed connect's fd).
     */
    final void release() {
        try {
            loop.execute(this::release0); // never inline: the register task may still be queued
        } catch (RejectedExecutionException e) {
            release0(); // the loop is gone, and with it the registration
        }
    }

    private void release0() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
        try {
            fd.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + fd, e);
        }
    }

    /** Netty closes the handle when the loop group shuts down under it: close the owner. */
    @Override
    public final void close() {
        owner.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + fd + " of " + owner + "]";
    }
}
