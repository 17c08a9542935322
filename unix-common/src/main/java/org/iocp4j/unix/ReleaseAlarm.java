package org.iocp4j.unix;

/**
 * A one-shot kernel timer for a poller's backstop to sleep on (see {@link Poller}). Setting it
 * again moves the time it rings without waking the sleeper, which no parked Java thread allows:
 * so a busy poller, whose role is given up and taken back thousands of times a second, never
 * wakes its backstop, and a role left free is still found within the grace period.
 *
 * <p>A backend that has no such timer returns none ({@link UnixBackend#newReleaseAlarm}); its
 * backstop then parks ({@link ParkAlarm}) and only patrols.
 */
public interface ReleaseAlarm {

    /**
     * Whether setting it leaves a sleeper asleep (a kernel timer: true), so releases may set it
     * as often as once per half grace without waking the backstop.
     */
    default boolean movesWithoutWaking() {
        return true;
    }

    /**
     * Makes the alarm ring at {@code nanoTime} (a {@link System#nanoTime()} value; at once if it
     * has passed), replacing any earlier setting. Callers serialize their calls.
     */
    void setAt(long nanoTime);

    /** Blocks the calling thread (the backstop, only) until the alarm rings; at once if it rang since the last call. */
    void sleepUntilRing();
}
