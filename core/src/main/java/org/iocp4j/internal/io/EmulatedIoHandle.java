package org.iocp4j.internal.io;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortClosedException;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;

/**
 * Readiness to completion, once for every emulating backend (epoll, kqueue, the simulator): try
 * the operation inline; if it would block, queue it and arm one-shot readiness; when the backend
 * reports readiness, retry the queued operations in order and post one packet for each that
 * finishes. Association, skip-on-success, cancel, close and port replacement follow spec 1.12-1.15.
 *
 * <p>Lock order: this handle's lock, then the port's. The backend calls {@link #onReady} from its
 * own thread (Netty's event loop, or the simulator's kernel thread, plays the kernel). Nothing done
 * under the lock is a scheduling point ({@link EmulatedCompletionPort#insert} takes none), so the
 * simulator never switches threads while a handle's lock is held.
 */
public abstract class EmulatedIoHandle implements IoHandle {
    private static final int KNOWN_MODES = SKIP_COMPLETION_PORT_ON_SUCCESS | SKIP_SET_EVENT_ON_HANDLE;

    /** Guards all state below and every {@link PendingOp#attempt()}. */
    protected final Object lock = new Object();
    /**
     * What a PortListener threw while this handle queued a packet, rethrown once the call that
     * queued it has finished everything it changes (as the port itself does), or null.
     */
    private RuntimeException listenerFailure;
    private final ArrayDeque<PendingOp> reads = new ArrayDeque<>();
    private final ArrayDeque<PendingOp> writes = new ArrayDeque<>();
    /**
     * Per direction: false once a try met EAGAIN or drained the handle, true again at the next
     * readiness. While false a new operation is queued without a try (it could only meet EAGAIN;
     * the readiness that follows new data retries it), which saves a syscall per read in a
     * request-response exchange. The operation is then pending where a try might have met data
     * that arrived since: Win32 allows either answer (R51).
     */
    private boolean readMayBeReady = true;
    private boolean writeMayBeReady = true;
    /**
     * The backend reported the peer's end of the read side (EPOLLRDHUP, EV_EOF): a short read no
     * longer proves the handle drained, since the end still waits to be read as 0 bytes and, on an
     * edge-triggered backend, no further readiness will announce it.
     */
    private boolean readEndSeen;
    private EmulatedCompletionPort port;
    private long key;
    private boolean everAssociated;
    private int modes;
    private boolean closed;

    /** The backend's name; ports of other backends are refused. */
    protected abstract String backend();

    /** Asks the backend to call {@link #onReady(PendingOp.Direction)} once the handle may be ready. */
    protected abstract void arm(PendingOp.Direction direction);

    /** Releases the OS resource; called once, after pending operations were completed (R71). */
    protected abstract void release();

    /**
     * Issues {@code op}: the Win32 answer of the issuing call (ERROR_SUCCESS, ERROR_IO_PENDING or
     * the error of a synchronous failure).
     *
     * @throws IllegalStateException if its Overlapped is still in flight (R67)
     */
    protected final int submit(PendingOp op) {
        Overlapped ov = op.overlapped;
        PendingOp.Direction direction = op.direction; // once queued, op may finish and be reused
        ov.begin();
        synchronized (lock) {
            if (closed) {
                ov.abandon();
                return Win32Error.ERROR_INVALID_HANDLE;
            }
            int refused = refusal(op);
            if (refused != 0) {
                finish(op, -refused, false); // R52: fails at once, no packet
                return refused;
            }
            ArrayDeque<PendingOp> queue = queue(direction);
            if (queue.isEmpty() && mayBeReady(direction)) {
                int r = tryOnce(op);
                if (r != PendingOp.WOULD_BLOCK) {
                    // R52: a synchronous failure queues nothing; R51: a success does, unless the
                    // handle skips it (R56)
                    finish(op, r, r >= 0 && (modes & SKIP_COMPLETION_PORT_ON_SUCCESS) == 0);
                    rethrow(takeListenerFailure());
                    return r < 0 ? -r : Win32Error.ERROR_SUCCESS;
                }
                queue.add(op);
            } else if (queue.isEmpty()) {
                queue.add(op); // not ready since the last EAGAIN: wait for readiness
            } else {
                queue.add(op); // behind earlier operations of the same direction
                return Win32Error.ERROR_IO_PENDING;
            }
        }
        arm(direction);
        return Win32Error.ERROR_IO_PENDING;
    }

    /** Guarded by lock: what a listener threw during this call, now cleared, or null. */
    private RuntimeException takeListenerFailure() {
        RuntimeException f = listenerFailure;
        if (f != null) { // nothing written on the common path
            listenerFailure = null;
        }
        return f;
    }

    private static void rethrow(RuntimeException listenerFailure) {
        if (listenerFailure != null) {
            throw listenerFailure;
        }
    }

    /**
     * Guarded by lock. The Win32 error to fail {@code op} with at once, before it is tried or
     * queued (a synchronous failure, R52), or 0 to go on. None by default.
     */
    protected int refusal(PendingOp op) {
        return 0;
    }

    /**
     * {@code op} is finished and nothing refers to it any more: a backend may keep it to reuse for
     * its next operation of the same kind, so that steady traffic allocates nothing. Called with
     * the lock held. Does nothing by default.
     */
    protected void recycle(PendingOp op) {
        // operations are garbage by default
    }

    /**
     * Issues an operation that never completes inline (a file read on a helper thread): it is
     * pending until the backend calls {@link #finishAsync}.
     */
    protected final int submitAsync(PendingOp op, Runnable start) {
        Overlapped ov = op.overlapped;
        ov.begin();
        synchronized (lock) {
            if (closed) {
                ov.abandon();
                return Win32Error.ERROR_INVALID_HANDLE;
            }
            queue(op.direction).add(op);
        }
        start.run();
        return Win32Error.ERROR_IO_PENDING;
    }

    /** The helper finished {@code op} with {@code result} (as {@link PendingOp#attempt()} returns). */
    protected final void finishAsync(PendingOp op, int result) {
        synchronized (lock) {
            if (queue(op.direction).remove(op)) { // absent if cancelled or closed meanwhile
                finish(op, result);
            }
            rethrow(takeListenerFailure());
        }
    }

    /**
     * Guarded by lock. The handle's OS descriptor changed (a new one, or none after a failed or
     * cancelled connect): nothing is known of its readiness, so the next operation of either
     * direction is tried at once instead of waiting for readiness that the old one would have
     * reported.
     */
    protected final void newDescriptor() {
        readMayBeReady = true;
        writeMayBeReady = true;
        readEndSeen = false;
    }

    /** The backend saw the peer end the read side; call before {@link #onReady} for READ. */
    public final void onReadEnd() {
        synchronized (lock) {
            readEndSeen = true;
        }
    }

    /** Whether the backend has reported the peer's end of the read side (for tests). */
    public final boolean readEndSeen() {
        synchronized (lock) {
            return readEndSeen;
        }
    }

    /** Readiness arrived: retry the queued operations of {@code direction} in order (R53). */
    public final void onReady(PendingOp.Direction direction) {
        boolean rearm = false;
        RuntimeException failure;
        synchronized (lock) {
            ArrayDeque<PendingOp> queue = queue(direction);
            setMayBeReady(direction, true);
            while (!queue.isEmpty() && mayBeReady(direction)) {
                PendingOp op = queue.peek();
                int r = tryOnce(op);
                if (r == PendingOp.WOULD_BLOCK) {
                    break;
                }
                queue.poll();
                finish(op, r);
            }
            rearm = !queue.isEmpty(); // met EAGAIN, or drained the handle
            failure = takeListenerFailure();
        }
        if (rearm) {
            arm(direction);
        }
        rethrow(failure);
    }

    /** Guarded by lock. One syscall, noting what it showed of the handle's readiness. */
    private int tryOnce(PendingOp op) {
        int r = op.attempt();
        boolean drained = r > 0 && op.drained() && !(op.direction == PendingOp.Direction.READ && readEndSeen);
        if (r == PendingOp.WOULD_BLOCK || drained) {
            setMayBeReady(op.direction, false);
        }
        return r;
    }

    private boolean mayBeReady(PendingOp.Direction d) {
        return d == PendingOp.Direction.READ ? readMayBeReady : writeMayBeReady;
    }

    private void setMayBeReady(PendingOp.Direction d, boolean ready) {
        if (d == PendingOp.Direction.READ) {
            readMayBeReady = ready;
        } else {
            writeMayBeReady = ready;
        }
    }

    /** Guarded by lock. A pending operation always queues exactly one packet (R53). */
    private void finish(PendingOp op, int result) {
        finish(op, result, true);
    }

    /**
     * Guarded by lock. {@code op}'s final result ({@link PendingOp#attempt()}'s form): settles it,
     * completes its Overlapped, queues its packet if {@code queuePacket}, then offers it for reuse.
     * With a packet queued, the Overlapped stays in flight until the packet is dequeued (R67).
     */
    private void finish(PendingOp op, int result, boolean queuePacket) {
        int bytes = Math.max(result, 0);
        int error = result < 0 ? -result : 0;
        Overlapped ov = op.overlapped; // read before recycle: a reused op gets another
        op.completed(bytes, error);
        EmulatedCompletionPort p = port;
        if (!queuePacket || p == null) {
            ov.complete(bytes, error); // no port: the caller learns the result from the Overlapped
        } else {
            ov.completeWithPacket(bytes, error);
            try {
                p.insert(key, bytes, ov, error);
            } catch (PortClosedException e) {
                ov.packetDequeued(); // R38: completions after the port is gone are unreachable
            } catch (RuntimeException e) {
                // A PortListener threw; the port queued the packet first. Finish this handle's
                // bookkeeping (other operations too), and rethrow at the end of the call.
                if (listenerFailure == null) {
                    listenerFailure = e;
                }
            }
        }
        recycle(op);
    }

    private ArrayDeque<PendingOp> queue(PendingOp.Direction d) {
        return d == PendingOp.Direction.READ ? reads : writes;
    }

    @Override
    public final void associate(CompletionPort port, long key) {
        EmulatedCompletionPort p = checkPort(port);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("handle is closed (ERROR_INVALID_HANDLE)");
            }
            if (this.port != null) {
                throw new IllegalStateException("handle is already associated with a port "
                        + "(ERROR_INVALID_PARAMETER, R9); use replacePort to move it (R74)");
            }
            this.port = p; // pending operations complete to it too (R11)
            this.key = key;
            this.everAssociated = true;
        }
    }

    @Override
    public final void replacePort(CompletionPort port, long key) {
        EmulatedCompletionPort p = port == null ? null : checkPort(port);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("handle is closed (ERROR_INVALID_HANDLE): replace the port of an "
                        + "open handle");
            }
            if (!everAssociated) {
                throw new IllegalStateException("handle was never associated (STATUS_INVALID_PARAMETER, R75)");
            }
            if (!reads.isEmpty() || !writes.isEmpty()) {
                throw new IllegalStateException("I/O is pending on this handle (STATUS_UNSUCCESSFUL, R75): "
                        + "wait for or cancel it first");
            }
            this.port = p;
            this.key = key;
            this.modes = 0; // R75: replacing clears the skip modes
        }
    }

    /**
     * The engine behind {@code port}, or null if {@code port} is not an emulated port. A backend
     * whose ports wrap the engine (the simulator's) unwraps it here; the others need not override.
     */
    protected EmulatedCompletionPort engineOf(CompletionPort port) {
        return port instanceof EmulatedCompletionPort p ? p : null;
    }

    private EmulatedCompletionPort checkPort(CompletionPort port) {
        Objects.requireNonNull(port, "port");
        EmulatedCompletionPort p = engineOf(port);
        if (p == null || !port.backend().equals(backend())) {
            throw new IllegalArgumentException("port of backend '" + port.backend() + "' cannot take handles of backend '"
                    + backend() + "': open both through the same backend");
        }
        if (p.isClosed()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): associate the handle with "
                    + "an open port");
        }
        return p;
    }

    @Override
    public final void setCompletionNotificationModes(int modes) {
        synchronized (lock) {
            this.modes |= modes & KNOWN_MODES; // R59 sticky and cumulative; R60 unknown bits ignored
        }
    }

    @Override
    public final int completionNotificationModes() {
        synchronized (lock) {
            return modes;
        }
    }

    @Override
    public final int cancel(Overlapped overlapped) {
        Objects.requireNonNull(overlapped, "overlapped");
        synchronized (lock) {
            int r = cancelWhere(overlapped) > 0 ? Win32Error.ERROR_SUCCESS : Win32Error.ERROR_NOT_FOUND;
            rethrow(takeListenerFailure());
            return r;
        }
    }

    @Override
    public final int cancelAll() {
        synchronized (lock) {
            int r = cancelWhere(null) > 0 ? Win32Error.ERROR_SUCCESS : Win32Error.ERROR_NOT_FOUND;
            rethrow(takeListenerFailure());
            return r;
        }
    }

    /** Guarded by lock. R65: each cancelled operation completes with ERROR_OPERATION_ABORTED. */
    private int cancelWhere(Overlapped only) {
        return cancelIn(reads, only) + cancelIn(writes, only);
    }

    private int cancelIn(ArrayDeque<PendingOp> queue, Overlapped only) {
        int n = 0;
        for (Iterator<PendingOp> it = queue.iterator(); it.hasNext(); ) {
            PendingOp op = it.next();
            if (only == null || op.overlapped == only) {
                it.remove();
                finish(op, op.stopped(-Win32Error.ERROR_OPERATION_ABORTED));
                n++;
            }
        }
        return n;
    }

    @Override
    public final boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** True while an operation is pending; for tests and leak checks. */
    public final boolean hasPendingIo() {
        synchronized (lock) {
            return !reads.isEmpty() || !writes.isEmpty();
        }
    }

    /** Guarded by lock. */
    private void abortAll(ArrayDeque<PendingOp> queue) {
        PendingOp op;
        while ((op = queue.poll()) != null) {
            finish(op, op.stopped(-op.closeError()));
        }
    }

    @Override
    public final void close() {
        RuntimeException failure;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            abortAll(reads); // R71; nothing when none pending (R73)
            abortAll(writes);
            failure = takeListenerFailure();
        }
        release();
        rethrow(failure);
    }
}
