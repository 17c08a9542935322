package org.iocp4j.sim;

import java.util.Locale;

/**
 * One event of a simulation.
 *
 * @param step the scheduling step it happened in
 * @param timeNanos the virtual time
 * @param thread the simulated thread it happened to (for HANDOFF and ABANDON the waiter, for
 *     WAKE and TIMER the woken thread), or "-" for the simulation itself
 * @param kind what happened
 * @param detail the port, key and counters, the blocker, or the message
 */
public record TraceEvent(long step, long timeNanos, String thread, TraceEvent.Kind kind, String detail) {

    /** What happened: the port's events (spec/iocp.md words) and the scheduler's. */
    public enum Kind {
        /** A simulated thread was created (detail: by whom). */
        START,
        /** A simulated thread's body returned. */
        EXIT,
        /** A packet was posted (detail: port, key, bytes); QUEUE or HANDOFF says where it went. */
        POST,
        /** The packet went to the FIFO queue (R14). */
        QUEUE,
        /** The packet went straight to the most recent waiter (R15). */
        HANDOFF,
        /** A queued packet was removed without waiting (R22). */
        DEQUEUE,
        /** A thread waits in a dequeue (R23). */
        WAIT,
        /** A dequeue's timeout expired (R39). */
        TIMEOUT,
        /** A thread was associated with a port (R20). */
        ASSOCIATE,
        /** A thread's association ended (R29-R32). */
        DISSOCIATE,
        /** An associated thread entered another wait and gave up its slot (R26). */
        BLOCK,
        /** That wait ended; the thread counts again (R27). */
        UNBLOCK,
        /** A port was closed (R33). */
        CLOSE,
        /** A waiter was released by the close (R33). */
        ABANDON,
        /** A thread parked (detail: on what, and for how long). */
        PARK,
        /** A parked thread was made runnable (detail: by whom). */
        WAKE,
        /** Virtual time reached a parked thread's deadline. */
        TIMER,
        /** A thread waits until a condition holds (awaitUntil, join). */
        AWAIT,
        /** A thread offered the turn while spinning ({@link Sim#busy()}). */
        BUSY,
        /** Another thread runs (detail: which, and the choice that picked it). */
        SWITCH,
        /** A thread was interrupted. */
        INTERRUPT,
        /** A thread failed (detail: the exception). */
        FAIL,
        /** The simulation ended (detail: why). */
        END,
        /** A port event this simulator version has no name for (detail: the event). */
        PORT
    }

    /** One line: step, virtual time in milliseconds, thread, kind, detail. */
    public String render() {
        return String.format(Locale.ROOT, "%6d %12s  %-12s %-10s %s", step, millis(timeNanos), thread, kind, detail);
    }

    /** Virtual nanoseconds as milliseconds with microsecond digits, e.g. {@code 10.000ms}. */
    static String millis(long nanos) {
        long micros = nanos / 1000;
        return String.format(Locale.ROOT, "%d.%03dms", micros / 1000, micros % 1000);
    }
}
