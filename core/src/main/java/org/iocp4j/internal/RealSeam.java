package org.iocp4j.internal;

import java.util.concurrent.locks.LockSupport;

/** The production seam: {@link LockSupport} and {@link System#nanoTime()}. */
@SuppressForbidden("the production seam: real parking, real threads, the real clock")
public final class RealSeam implements Seam {
    /** The one instance. */
    public static final RealSeam INSTANCE = new RealSeam();

    /**
     * Spins before parking. A park/unpark round trip costs tens of microseconds on small
     * machines, so a short spin catches most hand-offs of a busy port; on one processor spinning
     * only delays the thread that would post, so it is off there.
     */
    private static final int SPIN_TRIES = Runtime.getRuntime().availableProcessors() > 1
            ? Settings.wholeInt("iocp4j.spinTries", 256, 0) : 0;

    /**
     * Yields before parking: cheap when the processor has nothing else to run, and when it has
     * (the producer, on a machine with more busy threads than processors) it lets that thread
     * post a batch before this one waits, so a streaming consumer parks once per batch.
     */
    private static final int YIELD_TRIES = Settings.wholeInt("iocp4j.yieldTries", 4, 0);

    private RealSeam() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void park(Object blocker) {
        LockSupport.park(blocker);
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    @Override
    public void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    @Override
    public int spinTries() {
        return SPIN_TRIES;
    }

    @Override
    public int yieldTries() {
        return YIELD_TRIES;
    }

    @Override
    public void schedulingPoint() {
        // Real threads are scheduled by the OS.
    }

    @Override
    public boolean startDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return true;
    }
}
