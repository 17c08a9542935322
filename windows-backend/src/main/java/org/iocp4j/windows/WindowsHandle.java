package org.iocp4j.windows;

import java.util.Objects;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;

/**
 * What sockets, listening sockets and files share: the native handle (created lazily by sockets,
 * which learn their address family only at connect, accept or bind), the association with a port
 * and its key, the notification modes, the live operations, cancel and close. The kernel does the
 * I/O and queues the packets; this class keeps the Java side honest about it.
 *
 * <p>Every call on the native handle, and every change to an operation, happens under
 * {@link #lock}: a handle value is never used after its close (it may be reused by then), and an
 * OVERLAPPED named by CancelIoEx cannot be freed meanwhile. The dequeue path takes this lock to
 * finish an operation (lock order: handle, then a target socket's, then {@link OpTable}'s).
 */
abstract class WindowsHandle implements IoHandle {
    private static final int KNOWN_MODES = SKIP_COMPLETION_PORT_ON_SUCCESS | SKIP_SET_EVENT_ON_HANDLE;

    final Object lock = new Object();
    /** The kernel's handle (a SOCKET or a HANDLE), 0 while there is none. Guarded by lock. */
    private long nativeHandle;
    /** The port completions go to (recorded before a lazily created native handle exists). Guarded by lock. */
    private WindowsCompletionPort port;
    private long key;
    private boolean everAssociated;
    /** The kernel holds our association of {@link #nativeHandle}. Guarded by lock. */
    private boolean nativelyAssociated;
    private int modes;
    /** FILE_SKIP_COMPLETION_PORT_ON_SUCCESS is set in the kernel for {@link #nativeHandle}. Guarded by lock. */
    private boolean skipNative;
    private boolean closed;
    /** Live operations, most recent first. Guarded by lock. */
    private IoOp live;

    /** Closes the kernel's handle (closesocket or CloseHandle); called once per native handle, under lock. */
    abstract void closeNative(long handle);

    /** True if the kernel may be told FILE_SKIP_COMPLETION_PORT_ON_SUCCESS for {@code handle} (R63: sockets of IFS providers only). */
    boolean kernelMaySkip(long handle) {
        return true;
    }

    /** Called after {@link #close()} released the native handle, outside the lock. */
    void afterClose() {
        // nothing by default
    }

    /** The native handle, 0 if none. Guarded by lock. */
    final long nativeHandle() {
        return nativeHandle;
    }

    /**
     * Under lock: adopts a new native handle and applies what was recorded before it existed: the
     * association (R9-R11) and the modes (R61). Returns 0, or the Win32 error (then nothing is adopted
     * and the caller closes {@code h}).
     */
    final int adoptNative(long h) {
        nativeHandle = h;
        int error = 0;
        if (port != null) {
            error = associateNative(port, key);
        }
        if (error == 0 && modes != 0) {
            error = setModesNative(modes);
        }
        if (error != 0) {
            nativeHandle = 0;
            nativelyAssociated = false;
            skipNative = false;
        }
        return error;
    }

    /** Under lock: closes the native handle (a failed connect or accept), leaving the Java state for the next one. */
    final void dropNative() {
        long h = nativeHandle;
        if (h != 0) {
            nativeHandle = 0;
            nativelyAssociated = false;
            skipNative = false;
            closeNative(h);
        }
    }

    /** Under lock. */
    final boolean closedLocked() {
        return closed;
    }

    /**
     * Issues {@code op}: ERROR_SUCCESS (done now; a packet follows unless skip-on-success, R51, R56),
     * ERROR_IO_PENDING (its packet comes later, R53), or the Win32 error of a synchronous failure
     * (no packet, R52).
     *
     * @throws IllegalStateException if its Overlapped is still in flight (R67)
     */
    final int start(IoOp op) {
        Overlapped ov = op.overlapped;
        ov.begin();
        int r;
        try {
            synchronized (lock) {
                r = startLocked(op);
            }
        } catch (RuntimeException | Error e) {
            if (ov.isInFlight() && op.address == 0 && !op.live) {
                op.refused(); // failed before the block existed: nothing started
                ov.abandon();
            }
            throw e;
        }
        OpTable.sweep();
        return r;
    }

    private int startLocked(IoOp op) {
        Overlapped ov = op.overlapped;
        if (closed) {
            op.refused();
            ov.abandon();
            return Win32Error.ERROR_INVALID_HANDLE;
        }
        sweepPortless();
        int failed = op.open();
        if (failed == 0 && nativeHandle == 0) {
            failed = op.noHandleError();
        }
        if (failed != 0) {
            ov.complete(0, failed); // R52: nothing started, nothing queued
            return failed;
        }
        op.port = port;
        OpTable.register(op);
        try {
            op.prepare();
        } catch (RuntimeException | Error e) {
            OpTable.release(op); // the kernel never saw the block
            op.refused();
            ov.abandon();
            throw e;
        }
        ov.backendState(op);
        int r;
        try {
            r = op.call(nativeHandle);
        } catch (RuntimeException | Error e) { // before the kernel saw it (a failed extension lookup, say)
            ov.backendState(null);
            OpTable.release(op);
            op.refused();
            ov.abandon();
            throw e;
        }
        if (r == Win32Error.ERROR_IO_PENDING) {
            link(op);
            if (op.port != null && op.port.isClosed()) {
                OpTable.markCandidate(op); // its packet goes to a port nobody can dequeue from (R38)
            }
            return r;
        }
        // Done now: a success, or a warning, which is not an error (spec 1.12): its data moved and
        // its packet is queued as a success's is. Skip mode applies to both (R56: "a non-error
        // status"). Read before settling, which may drop the native socket (a failed context update).
        boolean done = r == 0 || op.completedWithWarning();
        boolean packetComes = done && port != null && !skipNative;
        int bytes = done ? op.kernelBytes() : 0;
        int error;
        try {
            error = op.settle(bytes, r);
        } catch (RuntimeException | Error e) { // a buffer another thread changed during the call, say
            finishedAtOnce(op, bytes, r != 0 ? r : Win32Error.ERROR_GEN_FAILURE, packetComes);
            throw e;
        }
        finishedAtOnce(op, bytes, error, packetComes);
        if (packetComes) {
            // Its packet comes, so the answer must not be a failure (R52: a failure queues none):
            // a success that settling turned into an error (AcceptEx's or ConnectEx's context
            // update failing) is reported by the packet, the call saying pending. So is a warning
            // (ERROR_MORE_DATA: the packet brings it with its bytes, as Boost.Asio expects), and a success
            // in a skip mode the kernel was not given (R63: a layered provider): in skip mode
            // ERROR_SUCCESS then always means "no packet", on every provider and backend.
            return error != 0 || (modes & SKIP_COMPLETION_PORT_ON_SUCCESS) != 0 ? Win32Error.ERROR_IO_PENDING
                    : Win32Error.ERROR_SUCCESS;
        }
        return error;
    }

    /** Under lock: {@code op} ended when its call returned; its block waits for its packet, if one comes, or is freed. */
    private void finishedAtOnce(IoOp op, int bytes, int error, boolean packetComes) {
        Overlapped ov = op.overlapped;
        ov.backendState(null);
        if (packetComes) {
            ov.completeWithPacket(bytes, error); // R67: in flight until that packet is dequeued
            op.completedEarly = true; // R51: its packet comes; the block waits for it
            op.earlyError = error;
            link(op);
            if (port.isClosed()) {
                OpTable.markCandidate(op);
            }
        } else {
            ov.complete(bytes, error);
            OpTable.release(op); // R52, R56: no packet
        }
    }

    /**
     * A packet of {@code op} was dequeued (called by the port without its own locks): finishes the
     * operation and frees its block. Returns the error the packet reports.
     */
    final int onPacket(IoOp op, int bytes, int error) {
        synchronized (lock) {
            if (!op.live) {
                throw new IllegalStateException("a packet for " + op + ", which is not in flight on " + this);
            }
            return finish(op, bytes, error);
        }
    }

    /** Under lock: the operation's final result; frees its block. */
    private int finish(IoOp op, int bytes, int error) {
        unlink(op);
        int reported = error;
        try {
            if (op.completedEarly) {
                reported = op.earlyError == 0 ? error : op.earlyError;
                op.overlapped.packetDequeued(); // or it never will be: the port is gone
            } else {
                try {
                    reported = op.settle(bytes, error);
                } finally { // a settle that throws (a heap buffer cut short meanwhile) still completes it
                    if (op.overlapped.backendState() == op) {
                        op.overlapped.backendState(null);
                    }
                    op.overlapped.complete(bytes, reported);
                }
            }
        } finally {
            OpTable.release(op);
        }
        return reported;
    }

    /** Under lock: operations that completed without a port (no packet could come) are finished from their OVERLAPPED. */
    private void sweepPortless() {
        if (port != null) {
            return;
        }
        for (IoOp op = live; op != null; ) {
            IoOp next = op.next;
            if (op.port == null && op.kernelDone()) {
                finishFromKernel(op);
            }
            op = next;
        }
    }

    /** A stale operation of this handle (see {@link OpTable}): finishes it if no packet can come and the kernel is done. */
    final void sweep(IoOp op) {
        synchronized (lock) {
            if (!op.live) {
                return;
            }
            WindowsCompletionPort p = op.port;
            boolean unreachable = p == null ? closed : p.isHandleClosed();
            if (unreachable && op.kernelDone()) {
                finishFromKernel(op);
            }
        }
    }

    /**
     * Under lock: no packet can bring {@code op}'s result, so its OVERLAPPED does (Internal and
     * InternalHigh, read as GetOverlappedResult reads them, a warning keeping its bytes).
     */
    private void finishFromKernel(IoOp op) {
        finish(op, op.kernelBytes(), op.kernelError());
    }

    private void link(IoOp op) {
        op.live = true;
        op.prev = null;
        op.next = live;
        if (live != null) {
            live.prev = op;
        }
        live = op;
    }

    private void unlink(IoOp op) {
        if (op.prev != null) {
            op.prev.next = op.next;
        } else {
            live = op.next;
        }
        if (op.next != null) {
            op.next.prev = op.prev;
        }
        op.prev = null;
        op.next = null;
        op.live = false;
    }

    /** Under lock: an operation issued here is still in flight (its Overlapped not completed). */
    final boolean hasPendingIo() {
        for (IoOp op = live; op != null; op = op.next) {
            if (!op.completedEarly) {
                return true;
            }
        }
        return false;
    }

    /** Operations of this handle whose blocks are live; for tests. */
    final int liveOperations() {
        synchronized (lock) {
            int n = 0;
            for (IoOp op = live; op != null; op = op.next) {
                n++;
            }
            return n;
        }
    }

    @Override
    public final void associate(CompletionPort port, long key) {
        WindowsCompletionPort p = checkPort(port);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("handle is closed (ERROR_INVALID_HANDLE): associate an open handle");
            }
            if (this.port != null && !nativelyAssociated) {
                throw new IllegalStateException("handle is already associated with a port (ERROR_INVALID_PARAMETER (87), "
                        + "R9); use replacePort to move it (R74)");
            }
            sweepPortless(); // what completed before the association has no packet (R11 applies to the rest)
            if (nativeHandle != 0) {
                int error = associateNative(p, key); // a second association: the kernel's own refusal (R8, R9)
                if (error != 0) {
                    throw new WindowsPortException("CreateIoCompletionPort", error, "associating " + this + " with " + p
                            + (error == Win32Error.ERROR_INVALID_PARAMETER
                                    ? " (R9: already associated; or R8: not opened for overlapped I/O)" : ""));
                }
            }
            this.port = p;
            this.key = key;
            this.everAssociated = true;
            for (IoOp op = live; op != null; op = op.next) {
                if (op.port == null) {
                    op.port = p; // R11: a pending operation completes to the port associated meanwhile
                    if (p.isClosed()) { // closed meanwhile, after its scan of the live operations (R38)
                        OpTable.markCandidate(op);
                    }
                }
            }
        }
    }

    /** Under lock: CreateIoCompletionPort(native, port, key); 0 or the Win32 error. A closed port is not associated (R38). */
    private int associateNative(WindowsCompletionPort p, long key) {
        if (!p.enterUse()) {
            return 0; // its completions would be unreachable anyway
        }
        try {
            if (Kernel32.CreateIoCompletionPort(nativeHandle, p.handle(), key, 0) == 0) {
                return Kernel32.lastError();
            }
            nativelyAssociated = true;
            return 0;
        } finally {
            p.exitUse();
        }
    }

    @Override
    public final void replacePort(CompletionPort port, long key) {
        WindowsCompletionPort p = port == null ? null : checkPort(port);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("handle is closed (ERROR_INVALID_HANDLE)");
            }
            if (!everAssociated) {
                throw new IllegalStateException("handle was never associated (STATUS_INVALID_PARAMETER, R75): "
                        + "associate it first");
            }
            if (hasPendingIo()) {
                throw new IllegalStateException("I/O is pending on this handle (STATUS_UNSUCCESSFUL, R75): "
                        + "wait for or cancel it first");
            }
            if (nativeHandle != 0) {
                if (nativelyAssociated) {
                    ReplaceCompletion.replace(nativeHandle, p, key, this);
                    nativelyAssociated = p != null;
                } else if (p != null) {
                    int error = associateNative(p, key); // the first port closed before the handle existed
                    if (error != 0) {
                        throw new WindowsPortException("CreateIoCompletionPort", error, "associating " + this + " with " + p);
                    }
                }
                // R75: replacing clears the skip modes; the kernel's own word on what it kept, if it tells
                int kept = ReplaceCompletion.queryModes(nativeHandle);
                skipNative = kept > 0 && (kept & SKIP_COMPLETION_PORT_ON_SUCCESS) != 0;
                modes = Math.max(kept, 0) & KNOWN_MODES;
            } else {
                modes = 0; // R75: replacing clears the skip modes
                skipNative = false;
            }
            this.port = p;
            this.key = key;
        }
    }

    private static WindowsCompletionPort checkPort(CompletionPort port) {
        Objects.requireNonNull(port, "port");
        if (!(port instanceof WindowsCompletionPort p)) {
            throw new IllegalArgumentException("port of backend '" + port.backend() + "' cannot take handles of backend '"
                    + WindowsPortProvider.NAME + "': open both through the same backend");
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
            int wanted = this.modes | (modes & KNOWN_MODES); // R59 cumulative; R60 unknown bits ignored
            if (wanted == this.modes) {
                return; // 0, or nothing new (R59)
            }
            if (nativeHandle != 0 && !closed) {
                int error = setModesNative(wanted);
                if (error != 0) {
                    throw new WindowsPortException("SetFileCompletionNotificationModes", error, "on " + this
                            + (error == Win32Error.ERROR_INVALID_PARAMETER ? " (R60: not opened for overlapped I/O)" : ""));
                }
            }
            this.modes = wanted;
        }
    }

    /** Under lock: hands {@code wanted} to the kernel (without the skip bit where R63 makes it unreliable). */
    private int setModesNative(int wanted) {
        int flags = kernelMaySkip(nativeHandle) ? wanted : wanted & ~SKIP_COMPLETION_PORT_ON_SUCCESS;
        if (flags == 0) {
            return 0;
        }
        if (Kernel32.SetFileCompletionNotificationModes(nativeHandle, (byte) flags) == 0) {
            return Kernel32.lastError();
        }
        skipNative = (flags & SKIP_COMPLETION_PORT_ON_SUCCESS) != 0;
        return 0;
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
            sweepPortless();
            if (!(overlapped.backendState() instanceof IoOp op) || op.handle != this || !op.live || op.completedEarly
                    || nativeHandle == 0) {
                return Win32Error.ERROR_NOT_FOUND; // R68: not in flight here
            }
            return cancelNative(op.address);
        }
    }

    @Override
    public final int cancelAll() {
        synchronized (lock) {
            sweepPortless();
            if (!hasPendingIo() || nativeHandle == 0) {
                return Win32Error.ERROR_NOT_FOUND; // R68: nothing issued here is in flight
            }
            return cancelNative(0);
        }
    }

    /** Under lock: CancelIoEx; 0 or ERROR_NOT_FOUND (completed meanwhile, R69) or another error. */
    private int cancelNative(long overlapped) {
        if (Kernel32.CancelIoEx(nativeHandle, overlapped) != 0) {
            return Win32Error.ERROR_SUCCESS; // R64, R65: each cancelled operation queues its packet with 995
        }
        return Kernel32.lastError();
    }

    @Override
    public final boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Closes the native handle: the kernel completes the pending operations with their object's
     * error and queues their packets (R71), nothing when none is pending (R73). Operations with no
     * port left are swept once the kernel is done with them. Idempotent.
     */
    @Override
    public final void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            long h = nativeHandle;
            nativeHandle = 0;
            if (h != 0) {
                closeNative(h);
            }
            for (IoOp op = live; op != null; op = op.next) {
                if (op.port == null) {
                    OpTable.markCandidate(op); // no packet can come: swept once the kernel is done
                }
            }
        }
        afterClose();
        OpTable.sweep();
    }
}
