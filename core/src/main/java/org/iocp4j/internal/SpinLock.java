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
    /** Polls of a taken lock before yielding; a holder leaves within a few hundred nanoseconds. */
    private static final int SPINS = 64;

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

    private void contended() {
        for (;;) {
            for (int i = SPINS; i > 0 && (int) STATE.getOpaque(this) != 0; i--) {
                Thread.onSpinWait();
            }
            if ((int) STATE.getOpaque(this) == 0 && STATE.compareAndSet(this, 0, 1)) {
                return;
            }
            Thread.yield(); // the holder may be preempted: let it run
        }
    }

    void unlock() {
        STATE.setRelease(this, 0);
    }
}
