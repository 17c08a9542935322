package org.iocp4j.unix;

/**
 * The daemon thread that drives a {@link Poller} when no waiter does: it takes the poll role once
 * the role has been free for the grace period, or when tasks wait, and keeps it until a waiter
 * asks, so I/O completes while no thread waits in a dequeue, as the kernel completes it on
 * Windows. How it notices a role left free is the subclass's: a kernel alarm, which releases move
 * ahead while the poller is busy ({@link AlarmedBackstop}), or parked patrols
 * ({@link PatrollingBackstop}).
 */
abstract class Backstop implements Runnable {
    final PollRole poller;
    final long graceNanos;
    private final Thread thread;

    Backstop(PollRole poller, long graceNanos, String name) {
        this.poller = poller;
        this.graceNanos = graceNanos;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    final void start() {
        thread.start();
    }

    final String name() {
        return thread.getName();
    }

    final Thread thread() {
        return thread;
    }

    /** The role was given up at {@code now}; called by the releasing thread once it is free. */
    abstract void released(long now);

    /** Tasks wait and nobody held the role: take it soon. */
    abstract void tasksWaiting();

    /**
     * Takes the role if it is free and has been for the grace period (or tasks wait), polls until
     * a waiter asks for it, and gives it up.
     *
     * @return how long the role must still stay free before it is taken (&gt; 0), 0 if this polled,
     *     or -1 if the role is held
     */
    final long pollIfLeft() {
        if (poller.roleHeld()) {
            return -1;
        }
        long left = poller.freeSince() + graceNanos - System.nanoTime();
        if (left > 0 && !poller.hasTasks()) {
            return left; // a waiter may take it back meanwhile
        }
        return poller.pollAsBackstop() ? 0 : -1; // -1: a waiter took it meanwhile
    }
}
