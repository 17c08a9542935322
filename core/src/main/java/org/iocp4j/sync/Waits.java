package org.iocp4j.sync;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;

/**
 * Waiting on kernel objects, as WaitForSingleObject and WaitForMultipleObjects do.
 *
 * <h2>Results</h2>
 * A wait returns an int, as Win32 does: {@link #WAIT_OBJECT_0} {@code + i} when object {@code i}
 * satisfied it (for wait-all: all of them, always index 0), {@link #WAIT_ABANDONED_0} {@code + i}
 * when that object was an abandoned mutex the caller now owns (wait-all reports index 0), or
 * {@link #WAIT_TIMEOUT}. {@link #index(int)}, {@link #isAbandoned(int)} and
 * {@link #describe(int)} read a result.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Wait-any</b> is satisfied by the signaled object of lowest index, and takes only that one
 *       (an auto-reset event resets, a semaphore count drops by one, a mutex gets its owner).</li>
 *   <li><b>Wait-all</b> waits until every object is signaled at the same instant and then takes
 *       them all at once; it never holds some while waiting for others.</li>
 *   <li>At most {@link #MAXIMUM_WAIT_OBJECTS} (64) objects. An object may appear twice in a
 *       wait-any, not in a wait-all.</li>
 *   <li>A timeout of 0 tests and returns at once; {@link #INFINITE} never times out.</li>
 *   <li><b>Ports (R26, R27).</b> A thread associated with a completion port that has to block
 *       here gives up its active slot, which may release a thread waiting on the port with a
 *       queued packet; when the wait ends it counts as active again, even over the port's
 *       maximum. A wait satisfied at once, or with a zero timeout, does not block and tells the
 *       port nothing.</li>
 * </ul>
 *
 * <h2>Interrupts</h2>
 * Java's interrupt plays the part of an APC, as in {@link CompletionPort#dequeue}: a wait that
 * can be satisfied at once is, and returns its result with the interrupt status still set. A wait
 * that would block (a zero timeout included) when the thread is interrupted, or is interrupted
 * while it blocks, throws {@link InterruptedException}: the interrupt status is cleared, no object
 * is taken, and a port slot given up is taken back first. If the wait was satisfied before the
 * interrupt was seen, it returns its result and the interrupt status stays set.
 *
 * <h2>Threading and memory effects</h2>
 * Any thread may wait. Actions of a thread before it signals an object (set, release, a timer's
 * set) happen-before the actions of a thread after a wait that the signal satisfied.
 *
 * <h2>Differences from Windows</h2>
 * Bad arguments throw (naming the argument, with the Win32 error Windows would give) instead of
 * returning WAIT_FAILED. No alertable waits (WAIT_IO_COMPLETION, APCs), no waits on threads,
 * processes or handles. Waits on iocp4j kernel objects are the only waits the port sees exactly;
 * see {@link org.iocp4j.Blocking} for others.
 */
public final class Waits {
    /** The first object satisfied the wait: WAIT_OBJECT_0 + i names object i. */
    public static final int WAIT_OBJECT_0 = 0;
    /** The first object was an abandoned mutex: WAIT_ABANDONED_0 + i names object i. */
    public static final int WAIT_ABANDONED_0 = 0x80;
    /** The timeout elapsed first (258). */
    public static final int WAIT_TIMEOUT = Win32Error.WAIT_TIMEOUT;
    /** The most objects one wait accepts (MAXIMUM_WAIT_OBJECTS). */
    public static final int MAXIMUM_WAIT_OBJECTS = 64;
    /** A timeout that never elapses, valid with any unit (the same value as {@link CompletionPort#INFINITE}). */
    public static final long INFINITE = CompletionPort.INFINITE;

    private Waits() {}

    /**
     * WaitForSingleObject: waits until {@code object} is signaled or the timeout elapses.
     *
     * @return WAIT_OBJECT_0, WAIT_ABANDONED_0 (an abandoned mutex, now the caller's) or WAIT_TIMEOUT
     * @throws IllegalArgumentException if timeout is negative (use {@link #INFINITE} to wait forever)
     * @throws InterruptedException if the thread is interrupted and the wait is not satisfied at
     *     once; nothing is taken
     */
    public static int waitOne(KernelObject object, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(object, "object");
        long nanos = toNanos(timeout, unit);
        return Dispatcher.await(new KernelObject[] {object}, false, nanos);
    }

    /**
     * WaitForMultipleObjects(bWaitAll = FALSE): waits until any of {@code objects} is signaled
     * and takes the one of lowest index.
     *
     * @return WAIT_OBJECT_0 + i, WAIT_ABANDONED_0 + i, or WAIT_TIMEOUT
     * @throws IllegalArgumentException if there are no objects or more than 64, or timeout is
     *     negative (ERROR_INVALID_PARAMETER)
     * @throws NullPointerException if objects or one of them is null
     * @throws InterruptedException if the thread is interrupted and the wait is not satisfied at
     *     once; nothing is taken
     */
    public static int waitAny(long timeout, TimeUnit unit, KernelObject... objects) throws InterruptedException {
        long nanos = toNanos(timeout, unit);
        check(objects, false);
        return Dispatcher.await(objects, false, nanos);
    }

    /**
     * WaitForMultipleObjects(bWaitAll = TRUE): waits until all {@code objects} are signaled at
     * once and takes them all atomically.
     *
     * @return WAIT_OBJECT_0, WAIT_ABANDONED_0 (one of them was an abandoned mutex), or WAIT_TIMEOUT
     * @throws IllegalArgumentException if there are no objects or more than 64, an object appears
     *     twice, or timeout is negative (ERROR_INVALID_PARAMETER)
     * @throws NullPointerException if objects or one of them is null
     * @throws InterruptedException if the thread is interrupted and the wait is not satisfied at
     *     once; nothing is taken
     */
    public static int waitAll(long timeout, TimeUnit unit, KernelObject... objects) throws InterruptedException {
        long nanos = toNanos(timeout, unit);
        check(objects, true);
        return Dispatcher.await(objects, true, nanos);
    }

    /** The object index a result names (0..63), or -1 for WAIT_TIMEOUT or any other value. */
    public static int index(int result) {
        if (result >= WAIT_OBJECT_0 && result < WAIT_OBJECT_0 + MAXIMUM_WAIT_OBJECTS) {
            return result - WAIT_OBJECT_0;
        }
        if (result >= WAIT_ABANDONED_0 && result < WAIT_ABANDONED_0 + MAXIMUM_WAIT_OBJECTS) {
            return result - WAIT_ABANDONED_0;
        }
        return -1;
    }

    /** Whether a result is WAIT_ABANDONED_0 + i: the caller took an abandoned mutex. */
    public static boolean isAbandoned(int result) {
        return result >= WAIT_ABANDONED_0 && result < WAIT_ABANDONED_0 + MAXIMUM_WAIT_OBJECTS;
    }

    /** A result as Windows names it: {@code WAIT_OBJECT_0+2}, {@code WAIT_ABANDONED_0}, {@code WAIT_TIMEOUT}. */
    public static String describe(int result) {
        if (result == WAIT_TIMEOUT) {
            return "WAIT_TIMEOUT";
        }
        int i = index(result);
        if (i < 0) {
            return "unknown wait result " + result;
        }
        String base = isAbandoned(result) ? "WAIT_ABANDONED_0" : "WAIT_OBJECT_0";
        return i == 0 ? base : base + "+" + i;
    }

    private static long toNanos(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 (0 = test and return, Waits.INFINITE = "
                    + "wait forever; ERROR_INVALID_PARAMETER), got " + timeout);
        }
        return timeout == INFINITE ? Long.MAX_VALUE : unit.toNanos(timeout);
    }

    private static void check(KernelObject[] objects, boolean all) {
        Objects.requireNonNull(objects, "objects");
        if (objects.length == 0 || objects.length > MAXIMUM_WAIT_OBJECTS) {
            throw new IllegalArgumentException("objects must hold 1 to " + MAXIMUM_WAIT_OBJECTS
                    + " kernel objects (MAXIMUM_WAIT_OBJECTS; ERROR_INVALID_PARAMETER), got " + objects.length
                    + "; split a larger set over several threads");
        }
        for (int i = 0; i < objects.length; i++) {
            if (objects[i] == null) {
                throw new NullPointerException("objects[" + i + "] is null");
            }
            if (all) {
                for (int j = 0; j < i; j++) {
                    if (objects[j] == objects[i]) {
                        throw new IllegalArgumentException("objects[" + j + "] and objects[" + i + "] are the same "
                                + objects[i].getClass().getSimpleName() + "; a wait-all takes each object once "
                                + "(ERROR_INVALID_PARAMETER)");
                    }
                }
            }
        }
    }
}
