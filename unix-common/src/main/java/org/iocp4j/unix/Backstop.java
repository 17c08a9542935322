package org.iocp4j.unix;

import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread that drives a {@link Poller} when no waiter does: it takes the poll role once
 * the role has been free for the grace period, or when tasks wait, and keeps it until a waiter
 * asks, so I/O completes while no thread waits in a dequeue, as the kernel completes it on
 * Windows. It sleeps on a {@link ReleaseAlarm}, in one of two modes:
 *
 * <ul>
 *   <li><b>eager</b>, while the role is given up and taken back more often than once per quarter
 *       grace (a busy poller), and only with an alarm that moves without waking its sleeper (epoll's
 *       timerfd): each release sets the alarm a grace period ahead, at most once per half grace,
 *       so it never rings while waiters keep taking the role back, and a role left free is taken
 *       one to one and a half grace periods after it was given up;</li>
 *   <li><b>patrolling</b> otherwise (a moderately loaded or idle poller, where an eager alarm would
 *       ring in every pause with the role held, or a {@link ParkAlarm}): the backstop sets the
 *       alarm itself, 4 grace periods ahead and then ever further apart while the role stays held,
 *       up to 128 ms, and after two looks with no release between it sleeps until the next release
 *       sets the alarm. A role left free is then found within a patrol plus a grace.</li>
 * </ul>
 *
 * <p>Each look with the role held decides the mode from the releases since the last look. Should
 * the alarm ever fail (the kernel refusing a timer), that is logged once, releases stop setting
 * it (no waiter sees the failure), and the backstop, once awake, looks every grace period.
 */
final class Backstop implements Runnable {
    private static final System.Logger LOG = System.getLogger(Backstop.class.getName());
    private static final int PATROL_GRACES = 4;
    private static final long MAX_PATROL_NANOS = 128_000_000L;
    private static final int QUIET_LOOKS = 2;

    private final PollRole role;
    private final long graceNanos;
    private final ReleaseAlarm alarm;
    private final Thread thread;
    /** When the alarm rings (System.nanoTime), as last set; written under alarm's lock. */
    private volatile long alarmAt;
    /** Releases so far; written by the releasing thread (one at a time: only the holder releases). */
    private volatile long releases;
    private volatile boolean eager;
    /** Patrolling, it sleeps until a release sets the alarm. */
    private volatile boolean asleep;
    private volatile boolean broken;

    Backstop(PollRole role, long graceNanos, String name, ReleaseAlarm alarm) {
        this.role = role;
        this.graceNanos = graceNanos;
        this.alarm = alarm;
        this.eager = alarm.movesWithoutWaking();
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String name() {
        return thread.getName();
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        long patrol = graceNanos * PATROL_GRACES;
        long lastLook = System.nanoTime();
        long lastReleases = releases;
        int quiet = 0;
        for (;;) {
            long releasesBeforeLook = releases;
            long left;
            try {
                left = pollIfLeft();
            } catch (RuntimeException | Error e) { // a poll failed: keep the backstop, look again soon
                LOG.log(System.Logger.Level.ERROR, name() + ": a poll failed; it looks again in a grace period", e);
                LockSupport.parkNanos(this, graceNanos);
                continue;
            }
            if (left == 0) {
                eager = alarm.movesWithoutWaking(); // it had to poll: watch closely again
                patrol = graceNanos * PATROL_GRACES;
                continue;
            }
            if (broken) {
                LockSupport.parkNanos(this, left > 0 ? left : graceNanos);
                continue;
            }
            if (left > 0) {
                setAlarm(System.nanoTime() + left);
            } else { // held: how often was it given up since the last look?
                long now = System.nanoTime();
                long n = releases - lastReleases;
                boolean busy = n > 0 && (now - lastLook) / n < graceNanos / 4;
                lastLook = now;
                lastReleases += n;
                boolean wasEager = eager;
                eager = busy && alarm.movesWithoutWaking();
                if (eager && !wasEager && releases != releasesBeforeLook) {
                    // A release since it saw the role held came while it patrolled and set
                    // nothing, and its patrol alarm may have rung already: set the alarm itself,
                    // or a role that release gave up waits for a release that never comes. (A
                    // later release reads eager, written before releases was read again here.)
                    setAlarm(now + graceNanos);
                }
                if (!eager) {
                    quiet = n == 0 ? quiet + 1 : 0;
                    if (quiet >= QUIET_LOOKS) {
                        quiet = 0;
                        patrol = graceNanos * PATROL_GRACES;
                        sleepUntilReleased(lastReleases);
                        continue;
                    }
                    setAlarm(now + patrol);
                    patrol = Math.min(patrol * 2, MAX_PATROL_NANOS);
                }
            }
            ring();
        }
    }

    /**
     * Takes the role if it is free and has been for the grace period (or tasks wait), polls until
     * a waiter asks for it, and gives it up.
     *
     * @return how long the role must still stay free before it is taken (&gt; 0), 0 if this polled,
     *     or -1 if the role is held
     */
    private long pollIfLeft() {
        if (role.roleHeld()) {
            return -1;
        }
        long left = role.freeSince() + graceNanos - System.nanoTime();
        if (left > 0 && !role.hasTasks()) {
            return left; // a waiter may take it back meanwhile
        }
        return role.pollAsBackstop() ? 0 : -1; // -1: a waiter took it meanwhile
    }

    /** The role was given up at {@code now}; called by the releasing thread once it is free. */
    void released(long now) {
        releases++;
        if (broken) {
            return;
        }
        if (eager) {
            long ahead = alarmAt - now;
            if (ahead < graceNanos / 2 || ahead > graceNanos) { // > grace: a patrol's setting
                setAlarm(now + graceNanos);
            }
        } else if (asleep) { // read after counting: see sleepUntilReleased
            asleep = false;
            setAlarm(now);
        }
    }

    /** Tasks wait and nobody held the role: take it soon. */
    void tasksWaiting() {
        if (broken) {
            LockSupport.unpark(thread);
        } else {
            setAlarm(System.nanoTime());
        }
    }

    /**
     * Sleeps until a release after {@code lastReleases} sets the alarm. The flag is set before the
     * count is looked at again and a release reads it after counting, so either this sees the
     * release and does not sleep, or the release sees the flag and sets the alarm.
     */
    private void sleepUntilReleased(long lastReleases) {
        asleep = true;
        if (releases == lastReleases && role.roleHeld()) {
            ring();
        }
        asleep = false;
    }

    private void ring() {
        try {
            alarm.sleepUntilRing();
        } catch (RuntimeException e) {
            fail(e);
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
            LockSupport.unpark(thread);
        }
    }
}
