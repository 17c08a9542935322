package org.iocp4j.windows;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortClosedException;
import org.iocp4j.PortStats;
import org.iocp4j.Win32Error;
import org.iocp4j.io.IoFactory;
import org.iocp4j.spi.PortCalls;

/**
 * The kernel's own completion port: the kernel queues, wakes LIFO, counts active threads and
 * enforces the concurrency maximum (R14-R31); this class maps Java objects to packet values
 * ({@link PacketValues}) and the Win32 results to {@link DequeueStatus} (spec 1.10).
 *
 * <p>Every removal is an alertable GetQueuedCompletionStatusEx. Close does not close the handle
 * under its waiters: it wakes every thread inside a dequeue with a no-op APC (a waiter without a
 * packet then returns ABANDONED, R33; one that was handed a packet keeps it, R37/R49), waits for
 * them and for posts in flight to leave, and only then closes the handle. So no call ever reaches
 * a handle value that was closed and perhaps reused, and the slots of the packets the kernel
 * drops (R38) are freed after the last thread that could still map one back has done so.
 *
 * <p>A packet value is a posted object's slot (odd, or 0 for null) or the address of an I/O
 * operation's OVERLAPPED block (even; {@link IoOp}), which the dequeue finishes (buffers settled,
 * Overlapped completed) before handing the entry out. After the handle is closed, the blocks whose
 * packets can no longer be dequeued go to {@link OpTable}'s stale set.
 */
final class WindowsCompletionPort implements CompletionPort {
    private static final Cleaner CLEANER = Cleaner.create();
    static final int TIMEOUT = -1;
    static final int ABANDONED = -2;
    static final int INVALID = -3;
    static final int INTERRUPTED = -4;

    private final long handle;
    private final int concurrency;
    private final PortCapabilities capabilities;
    private final PacketValues values = new PacketValues();
    private final HandleCloser closer;
    private final Cleaner.Cleanable cleanable;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    /** Threads inside a dequeue or poll. Guarded by lock. */
    private WindowsThread callers;
    /** Posts and queries in flight. Guarded by lock. */
    private int users;
    /** Written under lock. */
    private volatile boolean closed;
    /** The kernel handle is closed: no dequeue can ever take another packet (set after CloseHandle). */
    private volatile boolean handleClosed;

    /** Adopts {@code handle}, a port this object now owns and closes. */
    WindowsCompletionPort(long handle, int concurrency, PortCapabilities capabilities) {
        this.handle = handle;
        this.concurrency = concurrency;
        this.capabilities = capabilities;
        this.closer = new HandleCloser(handle);
        this.cleanable = CLEANER.register(this, closer); // a port never closed still frees its handle
    }

    /** CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, concurrency): a new port (R1, R3). */
    static WindowsCompletionPort create(int concurrency, PortCapabilities capabilities) {
        long h = Kernel32.CreateIoCompletionPort(Kernel32.INVALID_HANDLE_VALUE, 0, 0, concurrency);
        if (h == 0) {
            throw new WindowsPortException("CreateIoCompletionPort", Kernel32.lastError(),
                    "creating a port with concurrency " + concurrency);
        }
        return new WindowsCompletionPort(h, concurrency, capabilities);
    }

    @Override
    public String backend() {
        return WindowsPortProvider.NAME;
    }

    @Override
    public PortCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void post(long key, int bytes, Object overlapped) {
        if (!enterUse()) {
            throw new PortClosedException("post on a closed port (ERROR_INVALID_HANDLE, R19)");
        }
        try {
            long value = values.toValue(overlapped);
            if (Kernel32.PostQueuedCompletionStatus(handle, bytes, key, value) == 0) {
                int error = Kernel32.lastError();
                values.take(value); // the packet does not exist: free its slot
                throw new WindowsPortException("PostQueuedCompletionStatus", error, "posting to " + this);
            }
        } finally {
            exitUse();
        }
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into) {
        return dequeue(into, INFINITE, TimeUnit.MILLISECONDS);
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
        Objects.requireNonNull(into, "into");
        long nanos = PortCalls.timeoutNanos(timeout, unit);
        WindowsThread me = WindowsThread.current();
        WindowsThread.Batch b = me.batch();
        int n = remove(me, b, 1, nanos);
        if (n > 0) {
            int error = b.errors[0];
            into.set(b.keys[0], b.bytes[0], b.objects[0], error);
            b.objects[0] = null;
            return error == 0 ? DequeueStatus.COMPLETED : DequeueStatus.FAILED;
        }
        into.clearPacket(); // R40: key and bytes untouched, overlapped null
        return status(n);
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit) {
        return poll(handler, limit, INFINITE, TimeUnit.MILLISECONDS);
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit) {
        PortCalls.checkBatch(handler, limit);
        long nanos = PortCalls.timeoutNanos(timeout, unit);
        WindowsThread me = WindowsThread.current();
        WindowsThread.Batch b = me.batch();
        int n = remove(me, b, limit, nanos);
        if (n <= 0) {
            return status(n);
        }
        RuntimeException undecoded = b.failure; // thrown once the rest are delivered
        b.failure = null;
        me.delivering++; // a nested dequeue of the handler takes another batch
        try {
            PortCalls.deliver(handler, n, b.keys, b.bytes, b.objects, b.errors); // FIFO, as the kernel returned them
        } catch (RuntimeException | Error e) {
            if (undecoded != null) {
                e.addSuppressed(undecoded);
            }
            throw e;
        } finally {
            me.delivering--;
        }
        if (undecoded != null) {
            throw undecoded;
        }
        return DequeueStatus.COMPLETED;
    }

    /**
     * GetQueuedCompletionStatusEx, alertable, for up to {@code limit} entries: returns how many
     * were decoded into {@code b} (objects mapped back, slots freed), or a negative status.
     */
    private int remove(WindowsThread me, WindowsThread.Batch b, int limit, long nanos) {
        boolean interrupted = me.thread.isInterrupted();
        long wait = interrupted ? 0 : nanos; // an interrupt is an alert that is already pending (R49)
        if (!enterCall(me)) {
            return INVALID; // R36
        }
        try {
            int room = b.ensure(limit);
            long deadline = wait == Long.MAX_VALUE ? 0 : System.nanoTime() + wait;
            while (true) {
                long left = wait == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
                int ms = Timeouts.toMillis(left);
                if (Kernel32.GetQueuedCompletionStatusEx(handle, b.entriesAddress, room, b.removedAddress, ms, 1) != 0) {
                    int n;
                    try {
                        n = resolveAll(b, b.removedCount()); // R43, R44: TRUE even for entries of failed I/O
                    } finally {
                        // a caller leaving with wake packets queues them again for the callers still
                        // waiting: a batch may take several, and each waiter needs one (inside a
                        // call, so the handle is open)
                        postWakes(b.wakes);
                    }
                    return n > 0 ? n : ABANDONED; // only wake packets: the port is closing (R33)
                }
                int error = Kernel32.lastError();
                switch (error) {
                    case Win32Error.WAIT_IO_COMPLETION: // an APC ran: our close, or someone else's
                        if (closed) {
                            return ABANDONED; // R33
                        }
                        continue;
                    case Win32Error.WAIT_TIMEOUT:
                        if (ms == Timeouts.LONGEST_FINITE && deadline - System.nanoTime() > 0) {
                            continue; // a wait longer than the kernel's longest finite one
                        }
                        return interrupted ? INTERRUPTED : TIMEOUT; // R39, R40
                    case Win32Error.ERROR_ABANDONED_WAIT_0:
                        return ABANDONED; // R33 from the kernel itself
                    case Win32Error.ERROR_INVALID_HANDLE:
                        return INVALID; // R36
                    default:
                        throw new WindowsPortException("GetQueuedCompletionStatusEx", error, "removing from " + this);
                }
            }
        } finally {
            exitCall(me);
        }
    }

    /**
     * Decodes the {@code n} entries the kernel removed, in order, into the first slots of {@code b}.
     * An entry that cannot be decoded (a settle that throws) does not cost the others theirs: every
     * entry is decoded, the failed ones left out, and the first failure is kept in the batch, to be
     * thrown once the rest are delivered, or at once if none is left.
     */
    private int resolveAll(WindowsThread.Batch b, int n) {
        int kept = 0;
        b.wakes = 0;
        RuntimeException failure = null;
        for (int i = 0; i < n; i++) {
            long value = b.read(i, kept);
            if (value == PacketValues.WAKE) {
                b.wakes++; // for a caller of a closing port that no APC reached
                continue;
            }
            try {
                b.objects[kept] = resolve(value, b, kept);
                kept++;
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null && kept == 0) {
            throw failure;
        }
        b.failure = failure;
        return kept;
    }

    /**
     * The object a packet value stands for: a posted object's slot (odd, or 0 for null), or the
     * address of an I/O operation's OVERLAPPED block (even), whose operation is finished here: its
     * buffers settled and its Overlapped completed before the entry is handed out.
     */
    private Object resolve(long value, WindowsThread.Batch b, int i) {
        if (PacketValues.isOurs(value)) {
            return values.take(value);
        }
        IoOp op = OpTable.forPacket(value);
        b.errors[i] = op.handle.onPacket(op, b.bytes[i], b.errors[i]);
        return op.overlapped;
    }

    private static DequeueStatus status(int code) {
        return switch (code) {
            case TIMEOUT -> DequeueStatus.TIMEOUT;
            case ABANDONED -> DequeueStatus.ABANDONED;
            case INTERRUPTED -> DequeueStatus.INTERRUPTED;
            default -> DequeueStatus.INVALID_HANDLE;
        };
    }

    @Override
    public PortStats stats() {
        int depth = PortStats.UNKNOWN;
        if (enterUse()) {
            try {
                WindowsThread.Batch b = WindowsThread.current().batch();
                if (Ntdll.NtQueryIoCompletion(handle, Ntdll.IO_COMPLETION_BASIC_INFORMATION, b.wordAddress(), 4, 0) == 0) {
                    depth = b.removedCount(); // R77
                }
            } finally {
                exitUse();
            }
        } else {
            depth = 0; // R38: the queued packets went with the port
        }
        return new PortStats(concurrency, PortStats.UNKNOWN, depth, PortStats.UNKNOWN, PortStats.UNKNOWN);
    }

    @Override
    public IoFactory io() {
        return new WindowsIoFactory(this);
    }

    /** The kernel handle; use it only between {@link #enterUse()} and {@link #exitUse()}. */
    long handle() {
        return handle;
    }

    /** True once the kernel handle is closed: packets still queued, or queued later, are unreachable (R38). */
    boolean isHandleClosed() {
        return handleClosed;
    }

    /** The threads inside a dequeue or poll of this port now (some perhaps not yet, or no longer, in the kernel's wait). */
    List<Thread> callerThreads() {
        lock.lock();
        try {
            List<Thread> threads = new ArrayList<>();
            for (WindowsThread t = callers; t != null; t = t.next) {
                threads.add(t.thread);
            }
            return threads;
        } finally {
            lock.unlock();
        }
    }

    /** Packets posted with an object and not yet dequeued or dropped; 0 after close. */
    int slotsInUse() {
        return values.inUse();
    }

    @Override
    public void close() {
        int apcError = 0;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            int callerCount = 0;
            for (WindowsThread t = callers; t != null; t = t.next) {
                callerCount++;
                int error = t.wakeByApc();
                apcError = apcError == 0 ? error : apcError;
            }
            // A caller no APC reaches is woken by a wake packet instead (one per caller, as any
            // caller may take one); only if that fails too does the handle's close wake it (R33,
            // 735), with callers perhaps still on their way into the kernel or decoding a batch.
            boolean wakeable = apcError == 0 || postWakes(callerCount);
            while (users > 0 || (callers != null && wakeable)) {
                idle.awaitUninterruptibly();
            }
            if (wakeable) {
                apcError = 0;
            }
        } finally {
            lock.unlock();
        }
        cleanable.clean(); // CloseHandle, exactly once
        values.clear(); // R38: the kernel dropped the queued packets; free their slots
        handleClosed = true;
        OpTable.portClosed(this); // and the I/O blocks whose packets can no longer be dequeued
        if (closer.error != 0) {
            throw new WindowsPortException("CloseHandle", closer.error, "closing " + this);
        }
        if (apcError != 0) {
            throw new WindowsPortException("QueueUserAPC", apcError, "waking the waiters of " + this);
        }
    }

    /** Posts {@code n} wake packets of a closing port (R33); false if the kernel refused one. */
    private boolean postWakes(int n) {
        for (int i = 0; i < n; i++) {
            if (Kernel32.PostQueuedCompletionStatus(handle, 0, 0, PacketValues.WAKE) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the handle open until {@link #exitUse()}; false if the port is closed. */
    boolean enterUse() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            users++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exitUse() {
        lock.lock();
        try {
            if (--users == 0 && closed) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean enterCall(WindowsThread t) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            t.prev = null;
            t.next = callers;
            if (callers != null) {
                callers.prev = t;
            }
            callers = t;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void exitCall(WindowsThread t) {
        lock.lock();
        try {
            if (t.prev != null) {
                t.prev.next = t.next;
            } else {
                callers = t.next;
            }
            if (t.next != null) {
                t.next.prev = t.prev;
            }
            t.prev = null;
            t.next = null;
            if (closed && callers == null) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "CompletionPort[windows, handle=0x" + Long.toHexString(handle) + ", concurrency=" + concurrency
                + (closed ? ", closed]" : "]");
    }

    /** Closes the kernel handle once, from close() or, for a port never closed, the Cleaner. */
    private static final class HandleCloser implements Runnable {
        private final long handle;
        volatile int error;

        HandleCloser(long handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            if (Kernel32.CloseHandle(handle) == 0) {
                error = Kernel32.lastError();
            }
        }
    }
}
