package org.iocp4j.sync;

import org.iocp4j.internal.ThreadRecord;

/**
 * An event, as CreateEvent makes: signaled or not, set and reset by any thread.
 *
 * <ul>
 *   <li><b>Manual reset</b>: {@link #set()} releases every waiting thread whose wait it completes,
 *       and the event stays signaled (releasing later waiters at once) until {@link #reset()}.</li>
 *   <li><b>Auto reset</b> (a synchronization event): {@link #set()} releases one waiting thread,
 *       the first in wait order whose wait it completes, and the event is unsignaled again; with
 *       nobody waiting it stays signaled until one wait consumes it. Setting a signaled event does
 *       nothing more: sets do not count.</li>
 * </ul>
 *
 * <pre>{@code
 * Event ready = Event.manualReset(false);
 * // waiter:                                  // signaller:
 * if (ready.waitFor(5, SECONDS) == Waits.WAIT_OBJECT_0) {...}      ready.set();
 * }</pre>
 *
 * <p><b>Threading.</b> All methods may be called from any thread; each is a scheduling point on
 * the simulator. Actions of a thread before {@code set()} or {@code pulse()} happen-before the
 * actions of a thread after a wait that the call satisfied.
 *
 * <p><b>Differences from Windows.</b> No handle and no name: share the Java object. No
 * {@code CloseHandle}; the event lives as long as it is referenced.
 */
public final class Event extends KernelObject {
    private final boolean manualReset;
    /** Guarded by Dispatcher.LOCK. */
    private boolean signaled;

    /**
     * Creates an event, as CreateEvent(NULL, manualReset, initialState, NULL).
     *
     * @param manualReset true: stays signaled until reset; false: a wait it satisfies resets it
     * @param initialState whether it starts signaled
     */
    public Event(boolean manualReset, boolean initialState) {
        this.manualReset = manualReset;
        this.signaled = initialState;
    }

    /** A manual-reset event (a "notification event"). */
    public static Event manualReset(boolean initialState) {
        return new Event(true, initialState);
    }

    /** An auto-reset event (a "synchronization event"). */
    public static Event autoReset(boolean initialState) {
        return new Event(false, initialState);
    }

    /** Whether this is a manual-reset event. */
    public boolean isManualReset() {
        return manualReset;
    }

    /** Whether the event is signaled right now (NtQueryEvent's EventState): a snapshot. */
    public boolean isSignaled() {
        Dispatcher.LOCK.lock();
        try {
            return signaled;
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }

    /** SetEvent: signals the event and releases waiters as the reset kind says. Never blocks. */
    public void set() {
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        Wait woken;
        Dispatcher.LOCK.lock();
        try {
            signaled = true;
            woken = Dispatcher.satisfyWaiters(this, null);
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.wake(woken, me);
    }

    /** ResetEvent: makes the event unsignaled; waiting threads stay waiting. Never blocks. */
    public void reset() {
        ThreadRecord.current().seam().schedulingPoint();
        Dispatcher.LOCK.lock();
        try {
            signaled = false;
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }

    /**
     * PulseEvent: releases the threads waiting at this instant whose waits it completes (all of
     * them for a manual-reset event, one for an auto-reset event), then leaves the event
     * unsignaled. A thread that is not yet waiting misses the pulse; Windows documents PulseEvent
     * as unreliable for that reason, and so is this: prefer {@link #set()}.
     */
    public void pulse() {
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        Wait woken;
        Dispatcher.LOCK.lock();
        try {
            signaled = true;
            woken = Dispatcher.satisfyWaiters(this, null);
            signaled = false;
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.wake(woken, me);
    }

    @Override
    boolean signaledFor(ThreadRecord t) {
        return signaled;
    }

    @Override
    boolean acquire(ThreadRecord t) {
        if (!manualReset) {
            signaled = false;
        }
        return false;
    }

    @Override
    boolean mayWake() {
        return signaled;
    }

    @Override
    public String toString() {
        Dispatcher.LOCK.lock();
        try {
            return "Event[" + (manualReset ? "manual" : "auto") + ", " + (signaled ? "signaled]" : "not signaled]");
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }
}
