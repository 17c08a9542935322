package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The port's lock: a test-and-test-and-set spin lock. Its holders never park and hold it for a
 * few dozen instructions (plus the port listener, which must be quick), so a thread that finds
 * it taken spins a moment, then yields its processor to the holder, and never blocks: no
 * monitor inflation, no queue node, no unpark on release, nothing allocated. Under the simulator
 * only one thread runs at a time and none is switched out while holding it, so it is never
 * contended there.
 */
class SpinLock {
    private static final VarHandle STATE;
    /**
     * Polls of a taken lock before yielding: a few hundred nanoseconds, about as long as a holder
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

    void lock() {
        if (!STATE.compareAndSet(this, 0, 1)) {
            contended();
        }
    }

    /**
     * A waiter yields only when the lock stayed taken through all its polls (its holder may have
     * been preempted); one that saw it free and lost the race polls on, the lock is moving.
     * With 4 threads on 2 vCPUs that cut the context switches of a stream from 16-27 to 13-19
     * per 1000 items.
     */
    private void contended() {
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
            if (!sawFree) {
                Thread.yield(); // held all along: the holder may be preempted, let it run
            }
        }
    }

    void unlock() {
        STATE.setRelease(this, 0);
    }
}
