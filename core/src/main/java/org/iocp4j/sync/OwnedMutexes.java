package org.iocp4j.sync;

import java.util.ArrayList;
import org.iocp4j.internal.ThreadRecord;

/**
 * The mutexes one thread owns, kept as its exit hook: when the simulator reports the thread's end
 * (ThreadRecord.exit) they are abandoned at once, as Windows does when a thread terminates.
 * Guarded by Dispatcher.LOCK.
 */
final class OwnedMutexes implements ThreadRecord.ExitHook {
    private final ArrayList<Mutex> owned = new ArrayList<>(2);

    private OwnedMutexes() {}

    /** Guarded by lock. {@code t}'s list, made on first use. */
    static OwnedMutexes of(ThreadRecord t) {
        ThreadRecord.ExitHook hook = t.exitHook();
        if (hook instanceof OwnedMutexes m) {
            return m;
        }
        if (hook != null) {
            throw new IllegalStateException("thread " + t.thread().getName() + " has a foreign exit hook " + hook);
        }
        OwnedMutexes m = new OwnedMutexes();
        t.exitHook(m);
        return m;
    }

    void add(Mutex m) {
        owned.add(m);
    }

    void remove(Mutex m) {
        owned.remove(m);
    }

    @Override
    public void threadExiting(ThreadRecord r) {
        Wait woken = null;
        Dispatcher.LOCK.lock();
        try {
            for (Mutex m : owned) {
                m.abandon();
                woken = Dispatcher.satisfyWaiters(m, woken);
            }
            owned.clear();
        } finally {
            Dispatcher.LOCK.unlock();
        }
        Dispatcher.wake(woken, r);
    }
}
