package org.iocp4j.sim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.iocp4j.internal.SuppressForbidden;

/**
 * The simulator's one real seam: the real threads that carry simulated threads, the real parking
 * that hands the turn from one to the next, and the wall clock that only the stall detector reads.
 * Nothing else in the simulator touches real threads or real time.
 */
@SuppressForbidden("the simulator's carrier: real threads, real parking, the stall detector's clock")
final class Carrier {
    private Carrier() {}

    /** An unstarted carrier thread: virtual (cheap switches) or platform. */
    static Thread newThread(String name, Runnable body, boolean virtual) {
        return virtual
                ? Thread.ofVirtual().name(name).unstarted(body)
                : Thread.ofPlatform().name(name).daemon(true).unstarted(body);
    }

    static void park(Object blocker) {
        LockSupport.park(blocker);
    }

    static void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    static void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    /** Wall-clock nanoseconds, for the stall detector and the join patience only. */
    static long realNanos() {
        return System.nanoTime();
    }

    /** Waits up to {@code patience} for {@code thread} to end; true if it did. */
    static boolean join(Thread thread, Duration patience) {
        try {
            return thread.join(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }
}
