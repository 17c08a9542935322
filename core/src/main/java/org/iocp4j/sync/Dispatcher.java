package org.iocp4j.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.iocp4j.internal.RealSeam;
import org.iocp4j.internal.Seam;
import org.iocp4j.internal.Settings;
import org.iocp4j.internal.ThreadRecord;

/**
 * The one lock of all kernel objects (the NT dispatcher lock) and the wait algorithm: test and
 * take at once, else queue a wait block on every object and park; whoever signals an object tests
 * its waiters in FIFO order and ends the waits it can satisfy. A wait on many objects is therefore
 * atomic: wait-all takes every object at one instant or none.
 *
 * <p>Threads park and time is read only through each thread's {@link Seam}; the port hears of a
 * wait (R26, R27) only when the thread really blocks, and never under this lock.
 */
final class Dispatcher {
    static final ReentrantLock LOCK = new ReentrantLock();

    /** Timeouts this long (about 146 years) or longer never expire. */
    private static final long FOREVER_NANOS = 1L << 62;

    /**
     * How often a thread waiting on a mutex checks, on real threads, whether the owner died (the
     * simulator reports a thread's exit instead, through ThreadRecord.exit).
     */
    static final long OWNER_CHECK_NANOS =
            Settings.wholeNumber("iocp4j.mutexOwnerCheckMillis", 10, 1) * 1_000_000L;

    private Dispatcher() {}

    /**
     * Waits for any ({@code all == false}) or all of {@code objects}; arguments are checked.
     * Returns WAIT_OBJECT_0 + i, WAIT_ABANDONED_0 + i or WAIT_TIMEOUT.
     */
    static int await(KernelObject[] objects, boolean all, long timeoutNanos) throws InterruptedException {
        ThreadRecord me = ThreadRecord.current();
        Seam seam = me.seam();
        seam.schedulingPoint();
        Wait w = null;
        Wait woken;
        int r;
        boolean interrupted = false;
        LOCK.lock();
        try {
            long now = seam.nanoTime();
            woken = refresh(objects, now, null);
            r = tryAcquire(me, objects, all); // a signaled object wins over an interrupt, as over an APC
            if (r == Wait.PENDING) {
                interrupted = Thread.interrupted();
            }
            if (r == Wait.PENDING && !interrupted && timeoutNanos > 0) {
                long deadline = timeoutNanos >= FOREVER_NANOS ? KernelObject.NEVER : now + timeoutNanos;
                w = new Wait(me, objects.clone(), all, deadline);
                for (WaitBlock b : w.blocks) {
                    b.object.link(b);
                }
                w.wakeAt = nextCheck(w, now);
            }
        } finally {
            LOCK.unlock();
        }
        wake(woken, me);
        if (interrupted) {
            throw new InterruptedException("interrupted with nothing to take at once; no object was taken");
        }
        if (w == null) {
            return r == Wait.PENDING ? Waits.WAIT_TIMEOUT : r;
        }
        me.enterWait(); // R26: the thread really blocks; it gives up its port slot
        try {
            return block(me, w);
        } finally {
            me.exitWait(); // R27: it counts again, even over the maximum
        }
    }

    private static int block(ThreadRecord me, Wait w) throws InterruptedException {
        Seam seam = me.seam();
        Object blocker = w.blocker();
        while (w.result == Wait.PENDING) {
            if (Thread.interrupted()) {
                int r = cancel(w);
                if (r != Wait.PENDING) {
                    me.thread().interrupt(); // the wait was satisfied first: keep both facts
                    return r;
                }
                throw new InterruptedException("interrupted while waiting; no object was taken");
            }
            long now = seam.nanoTime();
            long at = w.wakeAt;
            if (at == KernelObject.NEVER) {
                seam.park(blocker);
            } else if (now - at < 0) {
                seam.parkNanos(blocker, at - now);
            } else {
                recheck(me, w, now);
            }
        }
        return w.result;
    }

    /** The waiter's own look after a deadline or a check time: timers, dead owners, the timeout. */
    private static void recheck(ThreadRecord me, Wait w, long now) {
        Wait woken;
        LOCK.lock();
        try {
            woken = refresh(w.objects, now, null);
            if (w.result == Wait.PENDING) {
                if (w.deadline != KernelObject.NEVER && now - w.deadline >= 0) {
                    complete(w, Waits.WAIT_TIMEOUT);
                } else {
                    w.wakeAt = nextCheck(w, now);
                }
            }
        } finally {
            LOCK.unlock();
        }
        wake(woken, me);
    }

    /** Ends {@code w} without a result if it is still pending; returns its result otherwise. */
    private static int cancel(Wait w) {
        LOCK.lock();
        try {
            int r = w.result;
            if (r == Wait.PENDING) {
                unlinkAll(w);
            }
            return r;
        } finally {
            LOCK.unlock();
        }
    }

    /** Guarded by lock. Refreshes each object; those that became signaled release their waiters. */
    private static Wait refresh(KernelObject[] objects, long now, Wait woken) {
        for (KernelObject o : objects) {
            if (o.refresh(now)) {
                woken = satisfyWaiters(o, woken);
            }
        }
        return woken;
    }

    /** Guarded by lock. When {@code w} must look again. */
    private static long nextCheck(Wait w, long now) {
        long at = w.deadline;
        boolean mutex = false;
        for (KernelObject o : w.objects) {
            at = earlier(at, o.nextCheck(now));
            mutex |= o instanceof Mutex;
        }
        if (mutex && w.thread.seam() == RealSeam.INSTANCE) {
            at = earlier(at, now + OWNER_CHECK_NANOS); // a real owner's death is not reported
        }
        return at;
    }

    static long earlier(long a, long b) {
        if (a == KernelObject.NEVER) {
            return b;
        }
        if (b == KernelObject.NEVER) {
            return a;
        }
        return b - a < 0 ? b : a;
    }

    /**
     * Guarded by lock. Tests {@code t}'s wait: wait-any takes the lowest signaled index; wait-all
     * takes every object or none. Returns the result or PENDING.
     */
    static int tryAcquire(ThreadRecord t, KernelObject[] objects, boolean all) {
        if (!all) {
            for (int i = 0; i < objects.length; i++) {
                if (objects[i].signaledFor(t)) {
                    return (objects[i].acquire(t) ? Waits.WAIT_ABANDONED_0 : Waits.WAIT_OBJECT_0) + i;
                }
            }
            return Wait.PENDING;
        }
        for (KernelObject o : objects) {
            if (!o.signaledFor(t)) {
                return Wait.PENDING;
            }
        }
        boolean abandoned = false;
        for (KernelObject o : objects) {
            abandoned |= o.acquire(t);
        }
        // Wait-all reports an abandoned mutex without its index, as NT and Wine do.
        return abandoned ? Waits.WAIT_ABANDONED_0 : Waits.WAIT_OBJECT_0;
    }

    /**
     * Guarded by lock. {@code o} may have become signaled: tests its waiters in FIFO order and ends
     * every wait it can satisfy (KiWaitTest). Returns the list of waits to wake, {@code woken} first.
     */
    static Wait satisfyWaiters(KernelObject o, Wait woken) {
        WaitBlock b = o.head;
        while (b != null && o.mayWake()) {
            Wait w = b.wait;
            int r = tryAcquire(w.thread, w.objects, w.all);
            if (r != Wait.PENDING) {
                complete(w, r);
                w.nextWoken = woken;
                woken = w;
            }
            // Blocks unlinked just now keep their next link, which leads to the next linked block.
            WaitBlock next = b.next;
            while (next != null && !next.linked) {
                next = next.next;
            }
            b = next;
        }
        return woken;
    }

    /**
     * Guarded by lock. Moves each waiter's next look on {@code o} to {@code at} at the latest (a
     * timer was set); returns the threads to unpark after the lock is released.
     */
    static List<ThreadRecord> recheckWaiters(KernelObject o, long at) {
        List<ThreadRecord> threads = new ArrayList<>();
        for (WaitBlock b = o.head; b != null; b = b.next) {
            b.wait.wakeAt = earlier(b.wait.wakeAt, at);
            threads.add(b.wait.thread);
        }
        return threads;
    }

    /** Guarded by lock. */
    private static void complete(Wait w, int result) {
        unlinkAll(w);
        w.result = result;
    }

    private static void unlinkAll(Wait w) {
        for (WaitBlock b : w.blocks) {
            if (b.linked) {
                b.object.unlink(b);
            }
        }
    }

    /** Unparks every thread in {@code woken} (after the lock is released); {@code me} needs no unpark. */
    static void wake(Wait woken, ThreadRecord me) {
        while (woken != null) {
            Wait next = woken.nextWoken;
            ThreadRecord t = woken.thread;
            if (t != me) {
                t.seam().unpark(t.thread());
            }
            woken = next;
        }
    }

    /** Unparks {@code threads} (after the lock is released). */
    static void unpark(List<ThreadRecord> threads) {
        for (ThreadRecord t : threads) {
            t.seam().unpark(t.thread());
        }
    }
}
