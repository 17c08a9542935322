package org.iocp4j.sync;

import java.util.concurrent.TimeUnit;
import org.iocp4j.internal.ThreadRecord;

/**
 * A waitable kernel object: an {@link Event}, a {@link Semaphore}, a {@link Mutex} or a
 * {@link WaitableTimer}. Wait on one with {@link #waitFor(long, TimeUnit)} or on several with
 * {@link Waits#waitAny(long, TimeUnit, KernelObject...)} and
 * {@link Waits#waitAll(long, TimeUnit, KernelObject...)}.
 *
 * <p>Each object is <em>signaled</em> or not, and a wait that it satisfies may change that
 * (an auto-reset event resets, a semaphore's count drops, a mutex gets an owner). All objects
 * share one lock, as the NT dispatcher database does, so a wait on several objects sees and takes
 * them at one instant. Threads waiting on one object are released in the order they began to wait
 * (FIFO), as far as each one's wait can be satisfied.
 *
 * <p>An object needs no closing: it lives as long as it is referenced.
 */
public abstract sealed class KernelObject permits Event, Semaphore, Mutex, WaitableTimer {
    /** No check is due. */
    static final long NEVER = Long.MAX_VALUE;

    /** The FIFO list of wait blocks of threads waiting on this object. Guarded by Dispatcher.LOCK. */
    WaitBlock head;
    WaitBlock tail;

    KernelObject() {}

    /**
     * Waits until this object is signaled, as WaitForSingleObject; see
     * {@link Waits#waitOne(KernelObject, long, TimeUnit)}.
     *
     * @return {@link Waits#WAIT_OBJECT_0}, {@link Waits#WAIT_ABANDONED_0} (an abandoned mutex, now
     *     owned by the caller) or {@link Waits#WAIT_TIMEOUT}
     * @throws InterruptedException if the thread is interrupted and the wait is not satisfied at
     *     once; nothing is taken (see {@link Waits})
     */
    public final int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return Waits.waitOne(this, timeout, unit);
    }

    /**
     * How many threads are blocked waiting on this object right now: a snapshot for tests and
     * diagnostics (Windows has no such query). A thread counts from the moment it queues its wait
     * until the wait is satisfied, times out or is interrupted.
     */
    public final int waitingThreads() {
        Dispatcher.LOCK.lock();
        try {
            int n = 0;
            for (WaitBlock b = head; b != null; b = b.next) {
                n++;
            }
            return n;
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }

    /** Guarded by lock. Whether a wait by {@code t} would be satisfied now. */
    abstract boolean signaledFor(ThreadRecord t);

    /** Guarded by lock. Satisfies {@code t}'s wait (it was signaledFor t); true if that took an abandoned mutex. */
    abstract boolean acquire(ThreadRecord t);

    /** Guarded by lock. Whether some waiter could be satisfied now; false ends a wake-up scan early. */
    abstract boolean mayWake();

    /**
     * Guarded by lock. Brings a state that depends on time or on another thread's life up to date
     * (a timer that is due fires; a mutex whose owner died is abandoned). Returns true if the object
     * just became signaled, so its waiters should be tested.
     */
    boolean refresh(long now) {
        return false;
    }

    /** Guarded by lock. When a thread waiting on this object should look again (a timer's due time), or NEVER. */
    long nextCheck(long now) {
        return NEVER;
    }

    /** Guarded by lock. Appends a wait block (FIFO). */
    final void link(WaitBlock b) {
        b.prev = tail;
        b.next = null;
        if (tail == null) {
            head = b;
        } else {
            tail.next = b;
        }
        tail = b;
        b.linked = true;
    }

    /** Guarded by lock. Removes a wait block; its {@code next} is left as is, so a scan can step over it. */
    final void unlink(WaitBlock b) {
        if (b.prev == null) {
            head = b.next;
        } else {
            b.prev.next = b.next;
        }
        if (b.next == null) {
            tail = b.prev;
        } else {
            b.next.prev = b.prev;
        }
        b.linked = false;
    }
}
