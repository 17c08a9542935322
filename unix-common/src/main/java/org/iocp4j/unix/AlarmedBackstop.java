package org.iocp4j.unix;

import java.util.concurrent.locks.LockSupport;

/**
 * A backstop that sleeps on a {@link ReleaseAlarm}. Each release sets the alarm a grace period
 * ahead, at most once per half grace (setting it is a syscall), so while waiters keep taking the
 * role back it never rings; a role left free is taken one to one and a half grace periods after
 * it was given up. When it rings with the role held (the holder idle in its poll for that long),
 * the backstop sleeps again until a release sets it.
 *
 * <p>Should the alarm ever fail (the kernel refusing a timer), that is logged once, releases stop
 * setting it (no waiter sees the failure), and the backstop, once awake, looks every grace period.
 */
final class AlarmedBackstop extends Backstop {
    private static final System.Logger LOG = System.getLogger(AlarmedBackstop.class.getName());

    private final ReleaseAlarm alarm;
    /** When the alarm rings (System.nanoTime), as last set; written under alarm's lock. */
    private volatile long alarmAt;
    private volatile boolean broken;

    AlarmedBackstop(Poller poller, long graceNanos, String name, ReleaseAlarm alarm) {
        super(poller, graceNanos, name);
        this.alarm = alarm;
    }

    @Override
    public void run() {
        for (;;) {
            long left = pollIfLeft();
            if (left == 0) {
                continue; // it polled: the role may be free again
            }
            if (broken) {
                LockSupport.parkNanos(this, left > 0 ? left : graceNanos);
                continue;
            }
            if (left > 0) {
                setAlarm(System.nanoTime() + left);
            }
            try {
                alarm.sleepUntilRing();
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    @Override
    void released(long now) {
        if (alarmAt - now < graceNanos / 2 && !broken) {
            setAlarm(now + graceNanos);
        }
    }

    @Override
    void tasksWaiting() {
        if (broken) {
            LockSupport.unpark(thread());
        } else {
            setAlarm(System.nanoTime());
        }
    }

    /** The kernel timer and {@link #alarmAt} change together. */
    private void setAlarm(long at) {
        synchronized (alarm) {
            try {
                alarm.setAt(at);
                alarmAt = at;
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    private void fail(RuntimeException e) {
        if (!broken) {
            broken = true;
            LOG.log(System.Logger.Level.ERROR, name() + ": its alarm failed; it looks every grace period now", e);
            LockSupport.unpark(thread());
        }
    }
}
