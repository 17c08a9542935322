package org.iocp4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortClosedException;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.iocp4j.io.IoFactory;
import org.iocp4j.spi.PortCalls;

/**
 * The NT KQUEUE algorithm (spec/iocp.md 1.4-1.9) in Java: the port of every emulating backend.
 * The port's lock guards the head of the FIFO packets, the LIFO waiters, the associated threads
 * and the active count; a put lock guards the tail, so that producers appending packets do not
 * contend with consumers (see {@link PacketRing} and {@link #insert}).
 * Threads park and time is read only through each thread's {@link Seam}. This class is the
 * port's calls (post, dequeue and its wait, close); {@link PortGate} holds the state and the
 * gate's bookkeeping they share with the thread hooks (R26, R27, R29-R31) and the watchdog.
 */
public final class EmulatedCompletionPort extends PortGate implements CompletionPort {
    static final int TIMEOUT = -1;
    static final int ABANDONED = -2;
    static final int INVALID = -3;
    static final int INTERRUPTED = -4;

    private final String backend;
    private final PortCapabilities capabilities;
    /** Makes this port's {@link #io()}, or null for a backend without I/O. */
    private final Function<? super EmulatedCompletionPort, ? extends IoFactory> ioMaker;
    private volatile IoFactory io;
    /** Drives the readiness backend of this port's handles while a thread waits, or null (see WaitPoller). */
    private volatile WaitPoller poller;

    public EmulatedCompletionPort(String backend, PortCapabilities capabilities, PortOptions options, Seam seam) {
        this(backend, capabilities, options, seam, null);
    }

    /**
     * A port whose {@link #io()} is made, on first use, by {@code ioMaker} from this port: how an
     * emulating backend with sockets and files (epoll, kqueue, sim) hands out its handles.
     */
    public EmulatedCompletionPort(String backend, PortCapabilities capabilities, PortOptions options, Seam seam,
            Function<? super EmulatedCompletionPort, ? extends IoFactory> ioMaker) {
        super(options, seam);
        this.ioMaker = ioMaker;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    EmulatedCompletionPort self() {
        return this;
    }

    /**
     * From now on a thread that would park in this port's dequeue polls {@code p} instead, when
     * it can (a readiness backend calls this when it makes the port's {@link #io()}).
     */
    public void pollWith(WaitPoller p) {
        this.poller = Objects.requireNonNull(p, "p");
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public PortCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public int concurrency() {
        return maximum;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void post(long key, int bytes, Object overlapped) {
        ThreadRecord.current().seam.schedulingPoint();
        insert(key, bytes, overlapped, 0); // R16: a posted packet always has status success
    }

    /**
     * KiInsertQueue: hands the packet to the most recent waiter if the port is below its maximum
     * (R14, R15), else queues it FIFO. The emulating backends post I/O completions with their
     * Win32 error through here (R53). Without a listener it appends under the put lock and hands
     * the packet on only if a thread waits ({@link #append}).
     *
     * <p>Not a scheduling point, unlike {@link #post}: a handle inserts its completions with its
     * own lock held, and under the simulator a thread switched out there would leave that lock
     * held while the next thread tries to take it. The I/O call or the readiness event that led
     * here was the scheduling point.
     *
     * @throws PortClosedException if the port is closed (R19)
     */
    public void insert(long key, int bytes, Object overlapped, int error) {
        int appended = listener == null ? append(key, bytes, overlapped, error) : FULL;
        if (appended == FULL) {
            insertLocked(key, bytes, overlapped, error);
        } else if (appended == FOR_A_WAITER) {
            releaseWaiters();
        }
    }

    private static final int APPENDED = 0;
    private static final int FOR_A_WAITER = 1;
    private static final int FULL = 2;

    /**
     * The common case, under the put lock alone: appends when the ring has room and says whether
     * a thread waits (then the caller hands packets on, {@link #releaseWaiters}), or that the ring
     * is full. Consumers meanwhile take packets under the port's lock. A thread that starts to
     * wait takes and releases the put lock after it joined the waiters and before it looks at the
     * queue again (takeOrWait): so either it sees this packet, or this sees it waiting. Between
     * the append and the hand-off an active thread that dequeues may take the packet by R22,
     * which the kernel also does when that thread's dequeue comes first (it becomes the most
     * recent waiter and is handed the packet).
     */
    private int append(long key, int bytes, Object overlapped, int error) {
        SpinLock put = queue.tail;
        put.lock();
        try {
            if (closed) {
                throw closedPort();
            }
            if (!queue.offer(key, bytes, overlapped, error)) {
                return FULL;
            }
            return waiters.size() == 0 ? APPENDED : FOR_A_WAITER;
        } finally {
            put.unlock();
        }
    }

    private static PortClosedException closedPort() {
        return new PortClosedException("post on a closed port (ERROR_INVALID_HANDLE, R19)");
    }

    /**
     * Under both locks, as KiInsertQueue does it: the packet goes to the most recent waiter if
     * the port is below its maximum (R14, R15), else it is queued FIFO. With a listener every
     * packet comes here, so the events tell exactly that; without one, here come the packets
     * that found the ring full (it grows).
     */
    private void insertLocked(long key, int bytes, Object overlapped, int error) {
        ThreadRecord woken = null;
        boolean more = false;
        lock.lock();
        queue.tail.lock();
        try {
            if (closed) {
                throw closedPort();
            }
            if (activeCount < maximum && !waiters.isEmpty() && queue.isEmpty()) {
                woken = waiters.pop();
                handOff(woken, key, bytes, overlapped, error);
            } else {
                queue.add(key, bytes, overlapped, error);
                event(PortEvent.QUEUE, Thread.currentThread(), key);
                woken = activateWaiter(); // only after an append of the fast path: see releaseWaiters
                more = woken != null;
                if (!waiters.isEmpty() && woken == null) {
                    watch(); // saturated with packets and waiters: R29 and the watchdog matter now
                }
            }
        } finally {
            queue.tail.unlock();
            lock.unlock();
        }
        wake(woken);
        if (more) {
            releaseWaiters();
        }
    }

    /**
     * After an append with waiters present: hands queued packets to the most recent waiters
     * while the port is below its maximum (R15, KiActivateWaiterQueue), or, saturated, lets
     * the watchdog look (R29).
     */
    private void releaseWaiters() {
        boolean more;
        do {
            ThreadRecord w;
            lock.lock();
            try {
                w = activateWaiter();
                more = w != null && activeCount < maximum && !queue.isEmpty() && !waiters.isEmpty();
                if (w == null && !queue.isEmpty() && !waiters.isEmpty()) {
                    watch();
                }
            } finally {
                lock.unlock();
            }
            wake(w);
        } while (more);
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into) {
        return dequeue(into, INFINITE, TimeUnit.MILLISECONDS);
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
        Objects.requireNonNull(into, "into");
        long nanos = PortCalls.timeoutNanos(timeout, unit);
        int n = take(ThreadRecord.current(), nanos, 1, into);
        if (n > 0) {
            return into.error() == 0 ? DequeueStatus.COMPLETED : DequeueStatus.FAILED;
        }
        into.clearPacket();
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
        ThreadRecord me = ThreadRecord.current();
        me.prepareScratch(limit);
        int n = take(me, nanos, limit, null);
        if (n <= 0) {
            return status(n);
        }
        // A handler may dequeue again on this thread: deliver from these arrays, which a nested
        // call will not reuse (ThreadRecord.delivering).
        me.delivering++;
        try {
            PortCalls.deliver(handler, n, me.keys, me.bytes, me.overlappeds, me.errors);
        } finally {
            me.delivering--;
        }
        return DequeueStatus.COMPLETED;
    }

    private static DequeueStatus status(int code) {
        return switch (code) {
            case TIMEOUT -> DequeueStatus.TIMEOUT;
            case ABANDONED -> DequeueStatus.ABANDONED;
            case INTERRUPTED -> DequeueStatus.INTERRUPTED;
            default -> DequeueStatus.INVALID_HANDLE;
        };
    }

    /**
     * KeRemoveQueue (spec 1.5): the association step, then take up to {@code limit} queued
     * packets if the port is below its maximum, else wait. Returns the number of packets taken,
     * or a negative status. The packet goes into {@code into} when it is not null (then
     * {@code limit} is 1), else into {@code me}'s scratch buffer.
     */
    int take(ThreadRecord me, long timeoutNanos, int limit, CompletionEntry into) {
        me.seam.schedulingPoint();
        if (into != null && me.port == this) {
            int n = takeQueued(me, into);
            if (n != 0) {
                return n;
            }
        }
        return takeOrWait(me, timeoutNanos, limit, into);
    }

    /** {@link #take} past its scheduling point and its fast path. */
    private int takeOrWait(ThreadRecord me, long timeoutNanos, int limit, CompletionEntry into) {
        Seam seam = me.seam;
        if (closed) {
            return INVALID; // R36
        }
        EmulatedCompletionPort old = me.port;
        // With a poller, packets come from this thread's own poll: spinning would only wait for it.
        WaitPoller p = poller;
        int most = p == null ? seam.spinTries() : 0;
        int spins = Math.min(most, me.spinBudget);
        if (old == this && timeoutNanos != 0) {
            spinForPacket(me, spins, p == null ? seam.yieldTries() : 0);
            spins = 0; // one spin per call: a thread that spun in vain parks at once
        }
        if (old != null && old != this) {
            old.dissociate(me); // R30, R31: moving away gives up the old port's slot
        }
        ThreadRecord woken = null;
        lock.lock();
        try {
            if (closed) {
                return INVALID;
            }
            // Step 1b gives up the slot of a thread counted active here (R28) and step 2 or 3
            // takes it again: such a thread keeps its slot, unless it waits, with no write.
            boolean holds = false;
            if (me.port != this) {
                associate(me); // R20: not counted in this port yet
            } else if (me.active) {
                holds = true;
            } else if (me.inactiveByWatchdog) {
                me.inactiveByWatchdog = false;
                watchdogInactive--;
            }
            if ((holds ? activeCount - 1 : activeCount) < maximum && !queue.isEmpty()) { // step 2, R22
                if (!holds) {
                    activeCount++;
                    me.active = true;
                }
                int queued = queue.size();
                me.tookPackets(queued > limit, most);
                if (into != null) {
                    event(PortEvent.DEQUEUE, me.thread, queue.removeInto(into));
                    return 1;
                }
                int n = Math.min(limit, queued);
                for (int i = 0; i < n; i++) {
                    event(PortEvent.DEQUEUE, me.thread, queue.removeInto(me, i));
                }
                return n;
            }
            boolean interrupted = me.thread.isInterrupted();
            if (interrupted || timeoutNanos == 0) { // step 3: an alert, or an expired timeout (R23, R39)
                if (!holds) {
                    activeCount++;
                    me.active = true;
                }
                event(PortEvent.TIMEOUT, me.thread, 0);
                return interrupted ? INTERRUPTED : TIMEOUT;
            }
            if (holds) {
                me.active = false;
                activeCount--;
            }
            me.sink = into;
            me.inDequeue = true;
            me.waitState = ThreadRecord.WAITING;
            waiters.push(me);
            event(PortEvent.WAIT, me.thread, 0);
            queue.tail.lock(); // meets the producers (see append): a packet appended before this
            queue.tail.unlock(); // is seen below, one appended after sees this thread waiting
            if (!queue.isEmpty()) {
                // Appended since step 2 by a producer that did not see this waiter: the packet is
                // this thread's if the port is below its maximum (it is the most recent waiter).
                woken = activateWaiter();
                if (woken == null) {
                    watch(); // waiting behind the gate with packets queued: an active thread may be dead (R29)
                }
            }
        } finally {
            lock.unlock();
        }
        if (woken != me) {
            wake(woken);
        }
        int r = await(me, timeoutNanos, spins);
        if (r > 0) {
            me.tookPackets(false, most);
        }
        return r;
    }

    /**
     * R22's common case, kept small so that it inlines: a thread counted active here, below the
     * maximum without its own slot, takes the head packet and keeps its slot (steps 1b and 2 of
     * KeRemoveQueue with no net change). Returns 1, INVALID, or 0 when {@link #take} must decide.
     * It takes the lock without looking at the queue first: a look would fetch the cache line
     * that the lock's compare-and-set must then fetch again, for writing.
     */
    private int takeQueued(ThreadRecord me, CompletionEntry into) {
        lock.lock();
        try {
            if (closed) {
                return INVALID; // R36
            }
            if (me.port != this || !me.active || activeCount - 1 >= maximum || queue.isEmpty()) {
                return 0;
            }
            me.tookPackets(queue.sizeSeen() > 1, me.seam.spinTries());
            event(PortEvent.DEQUEUE, me.thread, queue.removeInto(into));
            return 1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * An associated thread that finds the queue empty spins a moment before it enters the port,
     * which is the same as calling a moment later: it keeps its active slot meanwhile, so a packet
     * posted now is queued, not handed off, and the thread takes it at once (R22) without an
     * unpark. Never with a zero timeout (R39); off under the simulator (spinTries is 0 there).
     * How long is {@link ThreadRecord#spinBudget}: a thread that is streaming (it found packets
     * left behind the ones it took) does not spin, so its producers run ahead and it drains them
     * in a batch after one wake-up; a thread that gets single packets (request and reply) does.
     * It yields its processor a few times ({@link Seam#yieldTries()}), during a long spin and
     * after it: when the thread that would post shares the processor (more threads than
     * processors), it runs now, and posts the reply or a batch, instead of the spinner burning
     * the processor it needs, then parking and being woken for every few packets.
     */
    private void spinForPacket(ThreadRecord me, int spins, int yields) {
        int left = yields;
        for (int i = 1; i <= spins && nothingYet(me); i++) {
            Thread.onSpinWait();
            if ((i & (YIELD_EVERY - 1)) == 0 && left > 0) {
                left--;
                me.seam.yieldProcessor(); // the poster may be waiting for this processor
            }
        }
        for (; left > 0 && nothingYet(me); left--) {
            me.seam.yieldProcessor();
        }
    }

    /**
     * A long spin yields this often (a power of two): the thread it waits for may share its
     * processor, and then every further spin only delays the packet.
     */
    private static final int YIELD_EVERY = 64;

    private boolean nothingYet(ThreadRecord me) {
        return queue.sizeHint() == 0 && !closed && !me.thread.isInterrupted();
    }

    private int await(ThreadRecord me, long timeoutNanos, int spins) {
        Seam seam = me.seam;
        me.mayPark = false;
        for (int i = spins; i > 0 && me.waitState == ThreadRecord.WAITING; i--) {
            Thread.onSpinWait();
        }
        me.mayPark = true; // from here a waker must unpark us (see wake)
        boolean timed = timeoutNanos != Long.MAX_VALUE;
        long deadline = timed ? seam.nanoTime() + timeoutNanos : 0;
        WaitPoller p = poller;
        while (me.waitState == ThreadRecord.WAITING) {
            if (me.thread.isInterrupted()) {
                int r = endWait(me, INTERRUPTED);
                if (r != 0) {
                    return r;
                }
                break;
            }
            long left = timed ? deadline - seam.nanoTime() : Long.MAX_VALUE;
            if (left <= 0) {
                int r = endWait(me, TIMEOUT);
                if (r != 0) {
                    return r;
                }
                break;
            }
            if (p != null && pollInstead(me, p, timed ? deadline : 0)) {
                continue;
            }
            if (timed) {
                seam.parkNanos(this, left);
            } else {
                seam.park(this);
            }
        }
        if (p != null) {
            p.waitEnded(me);
        }
        int state = me.waitState;
        me.waitState = ThreadRecord.NOT_WAITING;
        me.sink = null;
        return state == ThreadRecord.HANDED ? 1 : ABANDONED;
    }

    /**
     * The waiter polls the readiness backend instead of parking; false if another thread polls.
     * {@code polling} is announced first, so a waker that ends the wait meanwhile wakes the poll
     * (see wake); it is withdrawn before the waiter looks at its wait state again and parks.
     */
    private static boolean pollInstead(ThreadRecord me, WaitPoller p, long deadline) {
        me.polling = p;
        try {
            return p.pollWhileWaiting(me, deadline);
        } finally {
            me.polling = null;
        }
    }

    /** The wait ends without a packet (timer or alert): KiUnlinkThread counts the thread again. */
    private int endWait(ThreadRecord me, int why) {
        lock.lock();
        try {
            if (me.waitState != ThreadRecord.WAITING) {
                return 0; // a packet or the close got there first
            }
            waiters.remove(me);
            me.inDequeue = false;
            me.waitState = ThreadRecord.NOT_WAITING;
            activeCount++;
            me.active = true;
            event(PortEvent.TIMEOUT, me.thread, 0);
            return why;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public IoFactory io() {
        if (ioMaker == null) {
            return CompletionPort.super.io();
        }
        IoFactory f = io;
        if (f == null) {
            synchronized (ioMaker) {
                f = io;
                if (f == null) {
                    f = Objects.requireNonNull(ioMaker.apply(this), "ioMaker returned null");
                    io = f;
                }
            }
        }
        return f;
    }

    @Override
    public PortStats stats() {
        lock.lock();
        try {
            return new PortStats(maximum, activeCount, queue.size(), associated.size(), waiters.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        ThreadRecord me = ThreadRecord.current();
        me.seam.schedulingPoint();
        List<ThreadRecord> released = new ArrayList<>();
        lock.lock();
        queue.tail.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear(); // R38: unreachable
            for (ThreadRecord r : associated) {
                r.port = null; // R32
                r.active = false;
                r.inactiveByWatchdog = false;
            }
            associated.clear();
            activeCount = 0;
            watchdogInactive = 0;
            event(PortEvent.CLOSE, me.thread, 0);
            ThreadRecord w;
            while ((w = waiters.pop()) != null) { // R33; a thread already handed a packet keeps it (R37)
                w.inDequeue = false;
                event(PortEvent.ABANDON, w.thread, 0);
                w.waitState = ThreadRecord.ABANDONED;
                released.add(w);
            }
        } finally {
            queue.tail.unlock();
            lock.unlock();
        }
        released.forEach(EmulatedCompletionPort::wake);
    }

    @Override
    public String toString() {
        return "CompletionPort[" + backend + ", concurrency=" + maximum + (closed ? ", closed]" : "]");
    }
}
