package org.iocp4j.internal;

/**
 * The one place where the engine and the kernel objects touch threads and time. Production uses
 * {@link RealSeam}; the simulator supplies its scheduler and virtual clock, so it runs the very
 * code production runs.
 *
 * <p>Every thread has one seam for its whole life ({@link ThreadRecord#seam()}); a thread that
 * wakes another calls the <em>target's</em> seam.
 */
public interface Seam {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Blocks the calling thread until unparked; may return spuriously, callers loop. */
    void park(Object blocker);

    /** Blocks the calling thread for at most {@code nanos}; may return spuriously. */
    void parkNanos(Object blocker, long nanos);

    /** Makes {@code thread}'s current or next park return. */
    void unpark(Thread thread);

    /** How many times a waiter polls its wake-up flag before parking; 0 under the simulator. */
    int spinTries();

    /**
     * How many times a thread that spun for a packet in vain yields its processor before it
     * waits; 0 (the default) under the simulator, which decides itself who runs.
     */
    default int yieldTries() {
        return 0;
    }

    /**
     * Gives up the processor without waiting (Sleep of zero, the engine's spins and its lock's
     * back-off). The real seam yields; the simulator does nothing more, since the call's
     * {@link #schedulingPoint()} already let it pick who runs next.
     */
    default void yieldProcessor() {
        Thread.yield();
    }

    /** Called at the start of every port and kernel-object call: a scheduling point for the simulator. */
    void schedulingPoint();

    /**
     * Starts a daemon helper thread (the port watchdog), or returns false when this seam runs no
     * helper threads (the simulator detects thread exit itself).
     */
    boolean startDaemon(String name, Runnable body);
}
