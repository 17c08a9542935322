package org.iocp4j.sync;

import org.iocp4j.Win32Error;
import org.iocp4j.internal.ThreadRecord;

/**
 * A counting semaphore, as CreateSemaphore makes: signaled while its count is above zero; each
 * wait it satisfies takes one from the count; {@link #release(int)} adds to it, never beyond the
 * maximum given at creation.
 *
 * <pre>{@code
 * Semaphore slots = new Semaphore(4, 4);
 * if (slots.waitFor(1, SECONDS) == Waits.WAIT_OBJECT_0) {
 *     try { use(); } finally { slots.release(1); }
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> Any thread may release (there is no owner). Actions of a thread before a
 * release happen-before the actions of a thread after a wait that the release satisfied.
 *
 * <p><b>Differences from Windows.</b> No handle, no name, no CloseHandle. A release beyond the
 * maximum throws {@link KernelObjectException} with {@code ERROR_TOO_MANY_POSTS} instead of
 * returning FALSE; as on Windows the count is left unchanged.
 */
public final class Semaphore extends KernelObject {
    private final int maximum;
    /** Guarded by Dispatcher.LOCK. */
    private int count;

    /**
     * Creates a semaphore, as CreateSemaphore(NULL, initialCount, maximumCount, NULL).
     *
     * @throws IllegalArgumentException if maximumCount is below 1, or initialCount is negative or
     *     above maximumCount (ERROR_INVALID_PARAMETER)
     */
    public Semaphore(int initialCount, int maximumCount) {
        if (maximumCount < 1) {
            throw new IllegalArgumentException("maximumCount must be >= 1 (ERROR_INVALID_PARAMETER), got "
                    + maximumCount);
        }
        if (initialCount < 0 || initialCount > maximumCount) {
            throw new IllegalArgumentException("initialCount must be 0.." + maximumCount
                    + " (at most maximumCount; ERROR_INVALID_PARAMETER), got " + initialCount);
        }
        this.count = initialCount;
        this.maximum = maximumCount;
    }

    /** The maximum count given at creation. */
    public int maximumCount() {
        return maximum;
    }

    /** The count right now (NtQuerySemaphore's CurrentCount): a snapshot. */
    public int currentCount() {
        Dispatcher.LOCK.lock();
        try {
            return count;
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }

    /** Releases one; see {@link #release(int)}. */
    public int release() {
        return release(1);
    }

    /**
     * ReleaseSemaphore: adds {@code releaseCount} to the count and releases as many waiters, in
     * wait order, as the new count satisfies. Never blocks.
     *
     * @return the count before this call (lpPreviousCount)
     * @throws IllegalArgumentException if releaseCount is below 1 (ERROR_INVALID_PARAMETER)
     * @throws KernelObjectException with {@link Win32Error#ERROR_TOO_MANY_POSTS} if the count would
     *     exceed the maximum; the count is unchanged
     */
    public int release(int releaseCount) {
        if (releaseCount < 1) {
            throw new IllegalArgumentException("releaseCount must be >= 1 (ERROR_INVALID_PARAMETER), got "
                    + releaseCount);
        }
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        Wait woken;
        int previous;
        Dispatcher.LOCK.lock();
        try {
            previous = count;
            if (releaseCount > maximum - count) {
                throw new KernelObjectException(Win32Error.ERROR_TOO_MANY_POSTS, "releaseCount " + releaseCount
                        + " would take the semaphore's count from " + count + " beyond its maximum " + maximum
                        + "; the count is unchanged. Release only what was taken");
            }
            count += releaseCount;
            woken = Dispatcher.satisfyWaiters(this, null);
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.wake(woken, me);
        return previous;
    }

    @Override
    boolean signaledFor(ThreadRecord t) {
        return count > 0;
    }

    @Override
    boolean acquire(ThreadRecord t) {
        count--;
        return false;
    }

    @Override
    boolean mayWake() {
        return count > 0;
    }

    @Override
    public String toString() {
        Dispatcher.LOCK.lock();
        try {
            return "Semaphore[" + count + " of " + maximum + "]";
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }
}
