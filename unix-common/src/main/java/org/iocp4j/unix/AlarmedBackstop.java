package org.iocp4j.unix;

/**
 * A backstop that sleeps on a {@link ReleaseAlarm}. Each release sets the alarm a grace period
 * ahead, at most once per half grace (setting it is a syscall), so while waiters keep taking the
 * role back it never rings; a role left free is taken one to one and a half grace periods after
 * it was given up. When it rings with the role held (the holder idle in its poll for that long),
 * the backstop sleeps again until a release sets it.
 */
final class AlarmedBackstop extends Backstop {
    private final ReleaseAlarm alarm;
    /** When the alarm rings (System.nanoTime), as last set; written under alarm's lock. */
    private volatile long alarmAt;

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
            if (left > 0) {
                setAlarm(System.nanoTime() + left);
            }
            alarm.sleepUntilRing();
        }
    }

    @Override
    void released(long now) {
        if (alarmAt - now < graceNanos / 2) {
            setAlarm(now + graceNanos);
        }
    }

    @Override
    void tasksWaiting() {
        setAlarm(System.nanoTime());
    }

    /** The kernel timer and {@link #alarmAt} change together. */
    private void setAlarm(long at) {
        synchronized (alarm) {
            alarmAt = at;
            alarm.setAt(at);
        }
    }
}
