package org.iocp4j.internal.io;

import org.iocp4j.io.Overlapped;

/**
 * One overlapped operation of an {@link EmulatedIoHandle}: the syscall to try, and its state
 * between tries (a write's progress, say). Subclasses live in the backends.
 */
public abstract class PendingOp {
    /** {@link #attempt()} result: the syscall would block; try again when the handle is ready. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    /** Which readiness the operation waits for. */
    public enum Direction { READ, WRITE }

    /** Not final: a backend may reuse a finished operation for its next one ({@link #reuseFor}). */
    Overlapped overlapped;
    final Direction direction;

    protected PendingOp(Overlapped overlapped, Direction direction) {
        this.overlapped = overlapped;
        this.direction = direction;
    }

    /**
     * Makes this finished operation (one its handle passed to {@link EmulatedIoHandle#recycle})
     * the next one of the same kind, for {@code overlapped}; the subclass resets its own state.
     */
    protected final void reuseFor(Overlapped overlapped) {
        this.overlapped = overlapped;
    }

    /**
     * Tries the syscall once, without blocking. Called with the handle's lock held, on the issuing
     * thread first and then on the backend's readiness thread.
     *
     * @return bytes transferred (&gt;= 0) when done, {@link #WOULD_BLOCK}, or {@code -win32Error}
     *     when it failed
     */
    protected abstract int attempt();

    /**
     * Whether the last successful {@link #attempt()} showed that the handle has nothing more for
     * this direction until its next readiness: a read that got fewer bytes than it asked for has
     * drained the socket. The handle then queues the next operation of this direction without
     * trying it (it would only meet EAGAIN) until the backend reports readiness again.
     */
    protected boolean drained() {
        return false;
    }

    /**
     * The Win32 error this operation completes with when its handle is closed under it (R71):
     * ERROR_CONNECTION_ABORTED for a socket read or write, ERROR_OPERATION_ABORTED for an accept.
     */
    protected abstract int closeError();

    /**
     * The operation is being cancelled (R65) or aborted by its handle's close (R71), with the
     * handle's lock held: stop it, and return the result to report, {@code abortResult}
     * ({@link #attempt()}'s form), or the operation's own result if it finished meanwhile (R66: a
     * completion that wins the race is reported as a completion). By default the abort stands.
     */
    protected int stopped(int abortResult) {
        return abortResult;
    }

    /**
     * The operation has its final result, however it ended: done at once, finished after
     * readiness, failed, cancelled (R65) or aborted by close (R71). Called once, with the
     * handle's lock held, before the Overlapped is freed and the packet queued: the place to
     * settle the caller's buffer or to stop a helper thread still working for the operation.
     * Not called for an operation refused before it started (closed handle, Overlapped in flight).
     */
    protected void completed(int bytes, int error) {
        // nothing to settle by default
    }

    public final Overlapped overlapped() {
        return overlapped;
    }

    public final Direction direction() {
        return direction;
    }
}
