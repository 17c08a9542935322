package org.iocp4j.sync;

import org.iocp4j.Win32Error;
import org.iocp4j.internal.RealSeam;
import org.iocp4j.internal.ThreadRecord;

/**
 * A mutex, as CreateMutex makes: owned by at most one thread, signaled while nobody owns it.
 *
 * <ul>
 *   <li>A wait it satisfies makes the waiting thread its owner. The owner's own waits on it are
 *       satisfied at once and nest: it must {@link #release()} once per acquisition (and once more
 *       if it was created {@code initiallyOwned}).</li>
 *   <li>Only the owner may release it; anyone else gets {@link Win32Error#ERROR_NOT_OWNER}.</li>
 *   <li>If the owner thread ends while owning it, the mutex is <em>abandoned</em>: the next thread
 *       to get it sees {@link Waits#WAIT_ABANDONED_0} (plus its index in a wait-any) instead of
 *       {@code WAIT_OBJECT_0}, and owns it; the data it guards may be inconsistent.</li>
 * </ul>
 *
 * <pre>{@code
 * Mutex m = new Mutex(false);
 * int r = m.waitFor(CompletionPort.INFINITE, MILLISECONDS);
 * if (Waits.isAbandoned(r)) repair();
 * try { update(); } finally { m.release(); }
 * }</pre>
 *
 * <p><b>Threading.</b> Actions of the owner before {@code release()} happen-before the actions of
 * the next owner after its wait.
 *
 * <p><b>Differences from Windows.</b> No handle, no name, no CloseHandle. A release by a
 * non-owner throws {@link KernelObjectException} with {@code ERROR_NOT_OWNER} instead of returning
 * FALSE. Java tells nobody when a thread ends, so on real threads abandonment is found by looking:
 * a new wait on the mutex finds a dead owner at once, and threads already waiting on it look every
 * {@code iocp4j.mutexOwnerCheckMillis} milliseconds (system property, default 10). On the
 * simulator a thread's end is reported, and abandonment is immediate as on Windows.
 */
public final class Mutex extends KernelObject {
    /** Guarded by Dispatcher.LOCK. */
    private ThreadRecord owner;
    /** Acquisitions by the owner not yet released. Guarded by Dispatcher.LOCK. */
    private int recursion;
    /** The last owner ended while owning it; cleared by the next acquisition. Guarded by Dispatcher.LOCK. */
    private boolean abandoned;

    /**
     * Creates a mutex, as CreateMutex(NULL, initiallyOwned, NULL).
     *
     * @param initiallyOwned whether the calling thread owns it from the start
     */
    public Mutex(boolean initiallyOwned) {
        if (initiallyOwned) {
            ThreadRecord me = ThreadRecord.current();
            Dispatcher.LOCK.lock();
            try {
                acquire(me);
            } finally {
                Dispatcher.LOCK.unlock();
            }
        }
    }

    /**
     * ReleaseMutex: gives up one acquisition; the last one makes the mutex free and hands it to the
     * first waiter whose wait it completes. Never blocks.
     *
     * @throws KernelObjectException with {@link Win32Error#ERROR_NOT_OWNER} if the calling thread
     *     does not own the mutex (including an abandoned one); nothing changes
     */
    public void release() {
        ThreadRecord me = ThreadRecord.current();
        me.seam().schedulingPoint();
        Wait woken = null;
        Dispatcher.LOCK.lock();
        try {
            if (owner != me) {
                throw new KernelObjectException(Win32Error.ERROR_NOT_OWNER, "thread " + me.thread().getName()
                        + " released a mutex it does not own (" + describeOwner()
                        + "); only the thread that acquired it may release it, once per acquisition");
            }
            if (--recursion == 0) {
                OwnedMutexes.of(me).remove(this);
                owner = null;
                woken = Dispatcher.satisfyWaiters(this, null);
            }
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.wake(woken, me);
    }

    /** Whether the calling thread owns this mutex. */
    public boolean isHeldByCurrentThread() {
        ThreadRecord me = ThreadRecord.current();
        Dispatcher.LOCK.lock();
        try {
            return owner == me;
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }

    /** Guarded by lock. The owner ended without releasing: the mutex is free and abandoned. */
    void abandon() {
        owner = null;
        recursion = 0;
        abandoned = true;
    }

    @Override
    boolean signaledFor(ThreadRecord t) {
        if (owner == t && recursion == Integer.MAX_VALUE) {
            // Tested before anything is taken, so the wait leaves every object as it was.
            throw new IllegalStateException("thread " + t.thread().getName() + " acquired a mutex 2^31-1 times "
                    + "without releasing it (STATUS_MUTANT_LIMIT_EXCEEDED); release it as often as it is acquired");
        }
        return owner == null || owner == t;
    }

    @Override
    boolean acquire(ThreadRecord t) {
        if (owner == t) {
            recursion++;
            return false;
        }
        owner = t;
        recursion = 1;
        OwnedMutexes.of(t).add(this);
        boolean was = abandoned;
        abandoned = false;
        return was;
    }

    @Override
    boolean mayWake() {
        return owner == null;
    }

    @Override
    boolean refresh(long now) {
        // Real threads do not report their end (ThreadRecord.exit), so look.
        if (owner != null && owner.seam() == RealSeam.INSTANCE && !owner.thread().isAlive()) {
            OwnedMutexes.of(owner).remove(this);
            abandon();
            return true;
        }
        return false;
    }

    private String describeOwner() {
        if (owner == null) {
            return abandoned ? "it is abandoned and free" : "it is free";
        }
        return "owned by " + owner.thread().getName();
    }

    @Override
    public String toString() {
        Dispatcher.LOCK.lock();
        try {
            return "Mutex[" + describeOwner() + (recursion > 1 ? ", " + recursion + " deep]" : "]");
        } finally {
            Dispatcher.LOCK.unlock();
        }
    }
}
