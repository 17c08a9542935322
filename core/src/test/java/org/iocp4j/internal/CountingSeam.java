package org.iocp4j.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real seam with a chosen spin count, counting the unparks aimed at its thread and the calls
 * that read the spin count (one per dequeue), for tests of the wake path on real threads.
 */
final class CountingSeam implements Seam {
    final AtomicInteger unparks = new AtomicInteger();
    final AtomicInteger spinReads = new AtomicInteger();
    private final int spinTries;

    CountingSeam(int spinTries) {
        this.spinTries = spinTries;
    }

    @Override
    public long nanoTime() {
        return RealSeam.INSTANCE.nanoTime();
    }

    @Override
    public void park(Object blocker) {
        RealSeam.INSTANCE.park(blocker);
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        RealSeam.INSTANCE.parkNanos(blocker, nanos);
    }

    @Override
    public void unpark(Thread thread) {
        unparks.incrementAndGet();
        RealSeam.INSTANCE.unpark(thread);
    }

    @Override
    public int spinTries() {
        spinReads.incrementAndGet();
        return spinTries;
    }

    @Override
    public void schedulingPoint() {
        // real threads
    }

    @Override
    public boolean startDaemon(String name, Runnable body) {
        return RealSeam.INSTANCE.startDaemon(name, body);
    }
}
