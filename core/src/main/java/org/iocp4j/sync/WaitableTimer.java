package org.iocp4j.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.iocp4j.internal.ThreadRecord;

/**
 * A waitable timer, as CreateWaitableTimer makes: inactive until {@link #set(Duration, Duration)}
 * gives it a due time, signaled when that time comes, and again every period if it has one.
 *
 * <ul>
 *   <li><b>Manual reset</b> (a notification timer): when due it releases every waiting thread and
 *       stays signaled until it is set again.</li>
 *   <li><b>Synchronization timer</b> (auto reset): when due it releases one waiting thread and is
 *       unsignaled again; with nobody waiting it stays signaled until one wait consumes it.
 *       Periods that pass while it is signaled do not count.</li>
 *   <li>{@link #set(Duration, Duration)} makes the timer unsignaled and (re)starts it;
 *       {@link #cancel()} stops it and leaves its signaled state alone.</li>
 * </ul>
 *
 * <pre>{@code
 * WaitableTimer tick = new WaitableTimer(false);
 * tick.set(Duration.ZERO, Duration.ofMillis(100));
 * while (tick.waitFor(CompletionPort.INFINITE, MILLISECONDS) == Waits.WAIT_OBJECT_0) poll();
 * }</pre>
 *
 * <p><b>Threading.</b> Any thread may set or cancel. Time is the monotonic clock of the calling
 * thread's seam (virtual time on the simulator).
 *
 * <p><b>Differences from Windows.</b> No handle, no name, no CloseHandle. Due times are relative
 * only (SetWaitableTimer's negative form), in nanoseconds rather than 100 ns units, and do not
 * include time the machine spends suspended unless the JVM's {@code System.nanoTime} does. No
 * completion routine (APC) and no resume-from-suspend flag. The timer fires when a thread waiting
 * on it looks at the clock (each waiter parks until the due time), so there is no timer thread;
 * a timer nobody waits on fires when it is next waited on, and it is signaled at once then.
 */
public final class WaitableTimer extends KernelObject {
    private final boolean manualReset;
    /** Guarded by Dispatcher.LOCK. */
    private boolean signaled;
    /** Set and not yet due (a periodic timer stays active). Guarded by Dispatcher.LOCK. */
    private boolean active;
    /** Next due time on the seam clock. Guarded by Dispatcher.LOCK. */
    private long due;
    /** Period in nanoseconds, 0 for a one-shot timer. Guarded by Dispatcher.LOCK. */
    private long period;

    /**
     * Creates an inactive, unsignaled timer, as CreateWaitableTimer(NULL, manualReset, NULL).
     *
     * @param manualReset true: a notification timer; false: a synchronization timer
     */
    public WaitableTimer(boolean manualReset) {
        this.manualReset = manualReset;
    }

    /** Whether this is a manual-reset (notification) timer. */
    public boolean isManualReset() {
        return manualReset;
    }

    /** Sets a one-shot timer; see {@link #set(Duration, Duration)}. */
    public void set(Duration dueIn) {
        set(dueIn, Duration.ZERO);
    }

    /**
     * SetWaitableTimer with a relative due time: the timer becomes unsignaled, and signaled
     * {@code dueIn} from now and then every {@code period} (zero: once). A timer already set is
     * restarted. Never blocks.
     *
     * @throws IllegalArgumentException if dueIn or period is negative (ERROR_INVALID_PARAMETER)
     */
    public void set(Duration dueIn, Duration period) {
        Objects.requireNonNull(dueIn, "dueIn");
        Objects.requireNonNull(period, "period");
        if (dueIn.isNegative()) {
            throw new IllegalArgumentException("dueIn must be >= 0 (a time from now), got " + dueIn);
        }
        if (period.isNegative()) {
            throw new IllegalArgumentException("period must be >= 0 (0 = fire once), got " + period);
        }
        long dueNanos = saturatedNanos(dueIn);
        long periodNanos = saturatedNanos(period);
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        List<ThreadRecord> waiters;
        Dispatcher.LOCK.lock();
        try {
            long now = me.seam().nanoTime();
            signaled = false;
            active = true;
            due = now + dueNanos;
            this.period = periodNanos;
            waiters = Dispatcher.recheckWaiters(this, due); // they may have parked for the old due time
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.unpark(waiters);
    }

    /**
     * CancelWaitableTimer: stops the timer before its next due time; its signaled state is left as
     * it is. Never blocks.
     *
     * @return whether the timer was active (set and, if one-shot, not yet due)
     */
    public boolean cancel() {
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        Wait woken = null;
        Dispatcher.LOCK.lock();
        try {
            if (refresh(me.seam().nanoTime())) { // a due time that has passed still counts
                woken = Dispatcher.satisfyWaiters(this, null);
            }
            boolean was = active;
            active = false;
            return was;
        } finally {
            Dispatcher.LOCK.unlock();
            Dispatcher.wake(woken, me);
        }
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofDays(365L * 100)) > 0 ? Duration.ofDays(365L * 100).toNanos() : d.toNanos();
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
    boolean refresh(long now) {
        if (!active || now - due < 0) {
            return false;
        }
        if (period > 0) {
            due += ((now - due) / period + 1) * period; // periods that passed while signaled collapse
        } else {
            active = false;
        }
        signaled = true;
        return true;
    }

    @Override
    long nextCheck(long now) {
        return active ? due : NEVER;
    }

    @Override
    public String toString() {
        Dispatcher.LOCK.lock();
        try {
            return "WaitableTimer[" + (manualReset ? "manual" : "synchronization") + (active ? ", active" : "")
                    + (signaled ? ", signaled]" : ", not signaled]");
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }
}
