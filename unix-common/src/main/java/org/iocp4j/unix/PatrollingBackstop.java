package org.iocp4j.unix;

import java.util.concurrent.locks.LockSupport;

/**
 * A backstop with no alarm to sleep on: it looks at the role now and then. Releases do not wake
 * it (that would cost a wake-up per message); a role left free is found within a patrol plus a
 * grace. It looks 4 grace periods after it last had to poll, then ever less often while waiters
 * keep the role (or take it back within the grace), up to 128 ms apart. A holder that has not let
 * go for two patrols is blocked in its poll (an idle server): the backstop then sleeps until the
 * next release wakes it.
 */
final class PatrollingBackstop extends Backstop {
    /** The backstop looks at a held role this many grace periods apart at first. */
    private static final int PATROL_GRACES = 4;
    /** ... and at most this far apart after finding it held look after look. */
    private static final long MAX_PATROL_NANOS = 128_000_000L;
    /** Patrols that found the role held with no release since, after which it sleeps until one. */
    private static final int QUIET_PATROLS = 2;

    /** It sleeps with no timeout: the next release wakes it. */
    private volatile boolean asleep;

    PatrollingBackstop(PollRole poller, long graceNanos, String name) {
        super(poller, graceNanos, name);
    }

    @Override
    public void run() {
        long patrol = graceNanos * PATROL_GRACES;
        long lastRelease = poller.freeSince();
        int quiet = 0;
        for (;;) {
            long left = pollIfLeft();
            if (left >= 0) {
                quiet = 0;
                if (left > 0) {
                    LockSupport.parkNanos(this, left);
                } else {
                    patrol = graceNanos * PATROL_GRACES; // it was needed: look often again
                }
                continue;
            }
            long release = poller.freeSince();
            quiet = release == lastRelease ? quiet + 1 : 0;
            lastRelease = release;
            if (quiet >= QUIET_PATROLS) {
                sleepUntilReleased(release);
                quiet = 0;
                patrol = graceNanos * PATROL_GRACES; // the role may have been left: look soon
                continue;
            }
            LockSupport.parkNanos(this, patrol);
            patrol = Math.min(patrol * 2, MAX_PATROL_NANOS);
        }
    }

    @Override
    void released(long now) {
        if (asleep) { // read after the role is free: see sleepUntilReleased
            asleep = false;
            LockSupport.unpark(thread()); // it patrols again
        }
    }

    @Override
    void tasksWaiting() {
        LockSupport.unpark(thread());
    }

    /**
     * Parks with no timeout until the role is given up after {@code lastRelease}. The flag is set
     * before the role is looked at again and the release reads it after freeing the role, so
     * either this sees the release and does not park, or the release sees the flag and unparks.
     */
    private void sleepUntilReleased(long lastRelease) {
        asleep = true;
        if (poller.roleHeld() && poller.freeSince() == lastRelease) {
            LockSupport.park(this);
        }
        asleep = false;
    }
}
