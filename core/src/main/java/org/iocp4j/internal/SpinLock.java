package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The port's lock: a test-and-test-and-set spin lock. Its holders never park and hold it for a
 * few dozen instructions (plus the port listener, which must be quick), so a thread that finds
 * it taken spins a moment, then yields or sleeps briefly (see contended): no monitor
 * inflation, no queue node, no unpark on release, nothing allocated. Under the simulator
 * only one thread runs at a time and none is switched out while holding it, so it is never
 * contended there.
 */
class SpinLock extends LinePadding {
    private static final VarHandle STATE;
    /**
     * Polls of a taken lock before yielding or sleeping: a few hundred nanoseconds, about as long as a holder
     * keeps it. The polls do not pause ({@link Thread#onSpinWait()}): a holder that releases the
     * lock often takes it again a few nanoseconds later (a producer posting in a loop), and a
     * waiter that paused (25 ns and more per pause) kept missing that moment; measured on two
     * vCPUs, streaming went from 0.9x to 1.2-1.4x ArrayBlockingQueue's rate without the pause.
     */
    private static final int POLLS = 256;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SpinLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while held. */
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /**
     * The holder while it calls out (the port listener), else null; written and read by the
     * holder only, so a plain field: it lets a listener that calls its port fail instead of
     * spinning on the lock its own thread holds.
     */
    Thread callingOut;

    void lock() {
        if (!STATE.compareAndSet(this, 0, 1)) {
            contended();
        }
    }

    /** How long a waiter sleeps after a yield showed that other threads want the processors. */
    private static final long SLEEP_NANOS = 50_000;
    /** A yield that took longer than this let another thread run. */
    private static final long SWITCHED_NANOS = 5_000;

    /**
     * A waiter that saw the lock free and lost the race polls on: the lock is moving. One that
     * found it taken through all its polls (its holder was preempted, or a producer keeps taking
     * it again) yields; a yield returns at once when no other thread wants the processor, which
     * is the usual case with no more threads than processors. If the yield let another thread run
     * (more threads than processors), the next such round sleeps briefly instead: nothing wakes
     * it earlier (an unlock stays one store), and the threads that can run use the processors,
     * as with a lock that parks its waiters. With 2 producers and 2 consumers on two vCPUs,
     * yielding every time cost 0.03 context switches per packet (every yield switched), this
     * about 0.01, at the same throughput; with 1 and 1 nothing changed. Time and sleep go
     * through the thread's seam (under the simulator the lock is never contended).
     */
    private void contended() {
        boolean yieldSwitched = false;
        for (;;) {
            boolean sawFree = false;
            for (int i = POLLS; i > 0; i--) {
                if ((int) STATE.getOpaque(this) == 0) {
                    if (STATE.compareAndSet(this, 0, 1)) {
                        return;
                    }
                    sawFree = true;
                }
            }
            if (sawFree) {
                continue;
            }
            if (callingOut == Thread.currentThread()) {
                throw new IllegalStateException("a PortListener called its port: the listener runs while the port"
                        + " is locked (the lock is not reentrant), so it must not call the port; record the event"
                        + " and act on it after the call that raised it returns");
            }
            Seam seam = ThreadRecord.current().seam();
            if (yieldSwitched) {
                seam.parkNanos(this, SLEEP_NANOS);
                yieldSwitched = false;
            } else {
                long before = seam.nanoTime();
                seam.yieldProcessor(); // returns at once when no other thread wants this processor
                yieldSwitched = seam.nanoTime() - before > SWITCHED_NANOS;
            }
        }
    }

    void unlock() {
        STATE.setRelease(this, 0);
    }
}
