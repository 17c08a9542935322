package org.iocp4j.unix;

import java.util.concurrent.locks.LockSupport;

/**
 * The alarm of a backend with no kernel timer to offer (kqueue here): the backstop parks until
 * the time set, and setting it again unparks the sleeper to look at the new time, which is why
 * its backstop never runs eager (every release would wake it) and only patrols.
 */
final class ParkAlarm implements ReleaseAlarm {
    /** When it rings, if {@link #set}. Guarded by this. */
    private long at;
    private boolean set;
    private volatile Thread sleeper;

    @Override
    public boolean movesWithoutWaking() {
        return false;
    }

    @Override
    public void setAt(long nanoTime) {
        synchronized (this) {
            at = nanoTime;
            set = true;
        }
        Thread s = sleeper;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }

    @Override
    public void sleepUntilRing() {
        sleeper = Thread.currentThread();
        for (;;) {
            long left;
            synchronized (this) {
                left = set ? at - System.nanoTime() : Long.MAX_VALUE;
                if (left <= 0) {
                    set = false;
                    return;
                }
            }
            if (left == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, left);
            }
        }
    }
}
