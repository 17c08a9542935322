package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import org.iocp4j.CompletionEntry;
import org.iocp4j.PortEvent;
import org.iocp4j.PortListener;
import org.iocp4j.PortOptions;

/**
 * The state of an emulated port and the gate's bookkeeping (spec/iocp.md 1.5-1.7): who is
 * associated and counted active, the hand-off to the most recent waiter (R15, KiActivateWaiterQueue),
 * the thread hooks for other waits (R26, R27), dissociation (R29-R31), the watchdog's scan and
 * the invariants. {@link EmulatedCompletionPort} adds the calls themselves. Everything marked
 * "guarded by lock" is touched only under {@link #lock}.
 */
abstract class PortGate {
    final int maximum;
    final PortListener listener;
    final Watchdog watchdog;
    final boolean watchThreadStates;

    /**
     * The port's lock (see {@link SpinLock}), not a monitor: a monitor inflates under contention
     * and its waiters park, which costs a streaming producer and consumer more than the short
     * critical sections they wait for; and a contended ReentrantLock allocates a queue node per
     * blocked acquisition. Nothing parks or calls out while holding it except the listener,
     * which must be quick ({@link PortListener}). Not reentrant. The ring's tail has its own
     * lock ({@link PacketRing}), taken after this one when both are needed.
     */
    final SpinLock lock;
    /** EntryListHead. Its head guarded by lock, its tail by its own put lock (see PacketRing). */
    final PacketRing queue = new PacketRing(64);
    /** WaitListHead. Guarded by lock. */
    final LifoWaiterStack waiters = new LifoWaiterStack();
    /** ThreadListHead. Guarded by lock. */
    final ArrayList<ThreadRecord> associated = new ArrayList<>();
    /** CurrentCount: associated threads counted as active. Guarded by lock. */
    int activeCount;
    /** Associated threads the watchdog marked inactive. Guarded by lock. */
    int watchdogInactive;
    /** The watchdog is looking at this port. Guarded by lock. */
    boolean watched;
    /** The thread list's size at which associating next drops the dead threads first. Guarded by lock. */
    int pruneAt = 64;
    volatile boolean closed;
    /**
     * Posts that appended a packet beside a waiter and have not yet handed packets on (see
     * PortInsert.append): while one is under way a packet may wait beside a waiter below the
     * maximum, which {@link #invariantViolation} must not call stranded. Through IN_FLIGHT.
     */
    @SuppressWarnings("unused") // through IN_FLIGHT
    private int handOffsInFlight;
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(PortGate.class, "handOffsInFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A post's hand-off begins ({@code +1}) or ends ({@code -1}). */
    final void handOffsInFlight(int delta) {
        IN_FLIGHT.getAndAdd(this, delta);
    }

    PortGate(PortOptions options, Seam seam) {
        this.lock = queue;
        this.maximum = options.effectiveConcurrency(); // R1
        this.listener = options.listener();
        this.watchThreadStates = options.watchThreadStates();
        this.watchdog = Watchdog.forSeam(seam, options.watchdogPeriod());
    }

    /** This port as its public type, for the thread records and the watchdog. */
    abstract EmulatedCompletionPort self();

    /** Guarded by lock. The packet goes straight to {@code w}, which becomes active (R15). */
    void handOff(ThreadRecord w, long key, int bytes, Object overlapped, int error) {
        CompletionEntry sink = w.sink;
        if (sink != null) {
            sink.set(key, bytes, overlapped, error);
        } else {
            w.keys[0] = key;
            w.bytes[0] = bytes;
            w.overlappeds[0] = overlapped;
            w.errors[0] = error;
        }
        handed(w, key);
    }

    /**
     * Guarded by lock. KiActivateWaiterQueue: if below the maximum with a packet and a waiter,
     * the head packet goes to the most recent waiter; returns it, to be unparked after unlock.
     */
    ThreadRecord activateWaiter() {
        if (activeCount < maximum && !queue.isEmpty() && !waiters.isEmpty()) {
            ThreadRecord w = waiters.pop();
            CompletionEntry sink = w.sink;
            handed(w, sink != null ? queue.removeInto(sink) : queue.removeInto(w, 0));
            return w;
        }
        return null;
    }

    /** Guarded by lock. {@code w}'s wait ends with a packet: it counts as active again (R15). */
    void handed(ThreadRecord w, long key) {
        activeCount++;
        w.active = true;
        w.inDequeue = false;
        event(PortEvent.HANDOFF, w.thread, key);
        w.waitState = ThreadRecord.HANDED; // last: the waiter may leave as soon as it sees this
    }

    /**
     * Unparks (or, if it is polling, wakes the poll of) a thread whose wait was ended under the
     * lock; call after unlocking. A waiter that
     * has not yet announced {@code mayPark} will see its new waitState before it parks (both
     * fields are volatile: the waker writes waitState then reads mayPark, the waiter writes
     * mayPark then reads waitState), so the unpark, and the permit it would leave, are skipped.
     */
    static void wake(ThreadRecord w) {
        if (w != null && w.mayPark) {
            WaitPoller p = w.polling; // read after waitState was written: see pollInstead
            if (p != null) {
                p.wakeup(w);
            } else {
                w.seam.unpark(w.thread);
            }
        }
    }

    /** Guarded by lock. */
    void associate(ThreadRecord me) {
        if (associated.size() >= pruneAt) {
            pruneDeadThreads();
            pruneAt = Math.max(64, associated.size() * 2);
        }
        me.port = self();
        me.active = false;
        me.inactiveByWatchdog = false;
        associated.add(me);
        event(PortEvent.ASSOCIATE, me.thread, 0);
    }

    /** Ends {@code r}'s association: it dequeued elsewhere (R30) or exited (R29). */
    void dissociate(ThreadRecord r) {
        ThreadRecord woken;
        lock.lock();
        try {
            if (r.port != this) {
                return;
            }
            associated.remove(r);
            unlink(r);
            woken = activateWaiter();
        } finally {
            lock.unlock();
        }
        wake(woken);
    }

    /** Guarded by lock. */
    void unlink(ThreadRecord r) {
        r.port = null;
        if (r.active) {
            r.active = false;
            activeCount--;
        }
        if (r.inactiveByWatchdog) {
            r.inactiveByWatchdog = false;
            watchdogInactive--;
        }
        event(PortEvent.DISSOCIATE, r.thread, 0);
    }

    /** R26: an associated thread entered another wait. */
    void threadBlocked(ThreadRecord r) {
        ThreadRecord woken = null;
        lock.lock();
        try {
            if (r.port == this && r.active) {
                r.active = false;
                activeCount--;
                event(PortEvent.BLOCK, r.thread, 0);
                woken = activateWaiter();
            }
        } finally {
            lock.unlock();
        }
        wake(woken);
    }

    /** R27: the wait ended; the thread counts again, even over the maximum. */
    void threadUnblocked(ThreadRecord r) {
        lock.lock();
        try {
            if (r.port == this && !r.active) {
                if (r.inactiveByWatchdog) {
                    r.inactiveByWatchdog = false;
                    watchdogInactive--;
                }
                r.active = true;
                activeCount++;
                event(PortEvent.UNBLOCK, r.thread, 0);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by lock. */
    void watch() {
        if (!watched && watchdog != null) {
            watched = true;
            watchdog.watch(self());
        }
    }

    /**
     * One look by the watchdog: dead associated threads are dissociated (R29); with
     * watchThreadStates, threads seen blocked where iocp4j cannot see are treated as waiting
     * (R26) and recounted when seen running (R27). Returns whether to keep watching.
     */
    boolean watchdogScan() {
        lock.lock();
        try {
            if (closed) {
                watched = false;
                return false;
            }
            pruneDeadThreads();
            if (watchThreadStates) {
                for (ThreadRecord r : associated) {
                    if (r.inDequeue) {
                        continue;
                    }
                    Thread.State s = r.thread.getState();
                    boolean blocked = s == Thread.State.BLOCKED || s == Thread.State.WAITING
                            || s == Thread.State.TIMED_WAITING;
                    if (r.active && blocked) {
                        r.active = false;
                        r.inactiveByWatchdog = true;
                        activeCount--;
                        watchdogInactive++;
                        event(PortEvent.BLOCK, r.thread, 0);
                    } else if (r.inactiveByWatchdog && !blocked) {
                        r.inactiveByWatchdog = false;
                        watchdogInactive--;
                        r.active = true;
                        activeCount++;
                        event(PortEvent.UNBLOCK, r.thread, 0);
                    }
                }
            }
            ThreadRecord w;
            while ((w = activateWaiter()) != null) {
                wake(w);
            }
            boolean keep = watchdogInactive > 0
                    || (activeCount >= maximum && !queue.isEmpty() && !waiters.isEmpty());
            watched = keep;
            return keep;
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by lock. R29 for threads that died without telling us. */
    void pruneDeadThreads() {
        for (int i = associated.size() - 1; i >= 0; i--) {
            ThreadRecord r = associated.get(i);
            if (!r.thread.isAlive()) {
                associated.remove(i);
                unlink(r);
            }
        }
    }

    /**
     * The engine's invariants, for the conformance kit: null when they hold, else what is wrong.
     * The active count equals the associated threads marked active; no packet waits while a
     * waiter could take it (unless a post is handing it on right now); every waiter is
     * associated and not active.
     */
    public String invariantViolation() {
        lock.lock();
        try {
            int counted = 0;
            for (ThreadRecord r : associated) {
                if (r.active) {
                    counted++;
                }
                if (r.port != this) {
                    return r + " is on the thread list but associated with " + r.port;
                }
            }
            if (counted != activeCount) {
                return "activeCount " + activeCount + " but " + counted + " associated threads are active";
            }
            if (activeCount < maximum && !queue.isEmpty() && !waiters.isEmpty()
                    && (int) IN_FLIGHT.getVolatile(this) == 0) {
                return "stranded packet: active " + activeCount + " < maximum " + maximum + " with "
                        + queue.size() + " queued and " + waiters.size() + " waiting";
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** At the end of a port call: throws what the listener threw during it (see event). */
    final void endCall(ThreadRecord me) {
        if (listener != null) {
            me.rethrowListenerFailure();
        }
    }

    /**
     * Guarded by lock. A listener that calls the port fails at once (see SpinLock.callingOut).
     * What a listener throws is kept on the calling thread's record and thrown when the port
     * call that raised the event has finished its changes and wake-ups ({@link #endCall}),
     * so a throwing listener cannot leave a hand-off without its wake-up, or a waiter stranded.
     */
    void event(PortEvent e, Thread t, long key) {
        if (listener != null) {
            lock.callingOut = Thread.currentThread();
            try {
                listener.onEvent(e, t, key, activeCount, queue.size());
            } catch (RuntimeException | Error x) {
                ThreadRecord.current().listenerFailed(x);
            } finally {
                lock.callingOut = null;
            }
        }
    }
}
