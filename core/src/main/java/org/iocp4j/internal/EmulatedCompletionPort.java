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
 * port's calls (post, dequeue, close) and KeRemoveQueue's decision; its superclasses hold the
 * rest, one part each: {@link PortWait} the spin and the wait, {@link PortInsert} how a packet
 * enters, {@link PortGate} the state and the gate's bookkeeping shared with the thread hooks
 * (R26, R27, R29-R31) and the watchdog.
 */
public final class EmulatedCompletionPort extends PortWait implements CompletionPort {
    private final String backend;
    private final PortCapabilities capabilities;
    /** Makes this port's {@link #io()}, or null for a backend without I/O. */
    private final Function<? super EmulatedCompletionPort, ? extends IoFactory> ioMaker;
    private volatile IoFactory io;

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
        int n = into != null && me.port == this ? takeQueued(me, into) : 0;
        if (n == 0) {
            n = takeOrWait(me, timeoutNanos, limit, into);
        }
        if (n > 0) { // R67: each packet's Overlapped is free once its completion arrives, even if
            // a listener's exception is rethrown below
            if (into != null) {
                OverlappedRelease.packetGone(into.overlapped());
            } else {
                for (int i = 0; i < n; i++) {
                    OverlappedRelease.packetGone(me.overlappeds[i]);
                }
            }
        }
        endCall(me);
        return n;
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
                me.tookPackets(queued > 1, most); // packets left behind, or a batch: streaming
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
            // A post that appended its packet beside a waiter and has not yet handed it on
            // (PortInsert.append, then releaseWaiters) is finished here: the kernel hands such a
            // packet off inside the post, so the waiter keeps it through the close (R37).
            ThreadRecord handed;
            while ((handed = activateWaiter()) != null) {
                released.add(handed);
            }
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
        endCall(me);
    }

    @Override
    public String toString() {
        return "CompletionPort[" + backend + ", concurrency=" + maximum + (closed ? ", closed]" : "]");
    }
}
