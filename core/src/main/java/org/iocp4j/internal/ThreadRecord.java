package org.iocp4j.internal;

import org.iocp4j.CompletionEntry;

/**
 * What the engine knows about one thread: the part of the NT KTHREAD that completion ports use
 * (its queue, whether it counts as active, its wait block) plus a scratch batch buffer.
 *
 * <p>Fields marked "guarded by port" are read and written only under the lock of the port the
 * thread is associated with or waiting on.
 */
public final class ThreadRecord {
    static final int NOT_WAITING = 0;
    static final int WAITING = 1;
    static final int HANDED = 2;
    static final int ABANDONED = 3;

    private static final ThreadLocal<ThreadRecord> CURRENT = new ThreadLocal<>();

    final Thread thread;
    final Seam seam;

    /** The port this thread is associated with (Thread->Queue), or null. Written under that port's lock. */
    volatile EmulatedCompletionPort port;
    /** Counted in {@code port}'s active count. Guarded by port. */
    boolean active;
    /** Marked not active by the watchdog (not by an exact hook). Guarded by port. */
    boolean inactiveByWatchdog;
    /** Inside a dequeue on {@code port}: its state is exact, the watchdog leaves it alone. Guarded by port. */
    boolean inDequeue;
    /** Wait-list links (LifoWaiterStack). Guarded by port. */
    ThreadRecord above;
    ThreadRecord below;
    boolean onWaitList;
    /** How a wait ended; written last, under the lock, by whoever ends it. */
    volatile int waitState;
    /** The waiter is past its spin and may park: whoever ends its wait must unpark it. */
    volatile boolean mayPark;
    /** While the waiter may be polling instead of parking: whoever ends its wait wakes it through this. */
    volatile WaitPoller polling;
    /** This wait gave up its poll to a more recent waiter (WaitPoller's bookkeeping); the owner only. */
    private boolean pollYielded;
    /** Depth of nested library waits (kernel objects, sleep, Blocking); only the owner touches it. */
    int blockedDepth;
    /** What {@link #exit()} runs first (org.iocp4j.sync: abandon the mutexes the thread owns), or null. */
    private volatile ExitHook exitHook;

    /**
     * Where a waiting dequeue wants its packet: the caller's entry, or null for a poll, whose
     * packet goes to the scratch index 0. Set under the port's lock before the thread waits.
     */
    CompletionEntry sink;

    /** Batch scratch of poll: packets removed under the lock, delivered after it. Index 0 takes a hand-off. */
    long[] keys = new long[1];
    int[] bytes = new int[1];
    Object[] overlappeds = new Object[1];
    int[] errors = new int[1];

    private ThreadRecord(Thread thread, Seam seam) {
        this.thread = thread;
        this.seam = seam;
    }

    /** The calling thread's record, made on first use with the real seam. */
    public static ThreadRecord current() {
        ThreadRecord r = CURRENT.get();
        if (r == null) {
            r = new ThreadRecord(Thread.currentThread(), RealSeam.INSTANCE);
            CURRENT.set(r);
        }
        return r;
    }

    /**
     * Gives the calling thread a record with {@code seam}; the simulator calls this first thing
     * on every thread it runs.
     *
     * @throws IllegalStateException if the thread already has a record
     */
    public static ThreadRecord bind(Seam seam) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName() + " already has a seam");
        }
        ThreadRecord r = new ThreadRecord(Thread.currentThread(), seam);
        CURRENT.set(r);
        return r;
    }

    public Thread thread() {
        return thread;
    }

    public Seam seam() {
        return seam;
    }

    /** True while the thread waits in a dequeue and no packet, timeout, alert or close has ended the wait. */
    public boolean isWaiting() {
        return waitState == WAITING;
    }

    /** Whether this thread's current wait gave up polling to a more recent waiter; for a {@link WaitPoller}. */
    public boolean pollYielded() {
        return pollYielded;
    }

    /** Sets {@link #pollYielded()}; called by the thread itself, from its {@link WaitPoller}. */
    public void pollYielded(boolean yielded) {
        this.pollYielded = yielded;
    }

    /** The associated port, or null. */
    public EmulatedCompletionPort port() {
        return port;
    }

    /**
     * The calling thread enters a wait the port should know of (R26): outermost entry gives up
     * the thread's active slot and may release a waiter.
     */
    public void enterWait() {
        if (blockedDepth++ == 0) {
            EmulatedCompletionPort p = port;
            if (p != null) {
                p.threadBlocked(this);
            }
        }
    }

    /** The wait ended: the outermost exit counts the thread as active again, even over the maximum (R27). */
    public void exitWait() {
        if (blockedDepth == 0) {
            throw new IllegalStateException("exitWait without enterWait");
        }
        if (--blockedDepth == 0) {
            EmulatedCompletionPort p = port;
            if (p != null) {
                p.threadUnblocked(this);
            }
        }
    }

    /** Something a thread holds that must be let go when it exits. */
    @FunctionalInterface
    public interface ExitHook {
        /** Called once by {@link #exit()}, before the thread is dissociated from its port. */
        void threadExiting(ThreadRecord r);
    }

    /** The hook {@link #exit()} runs, or null; org.iocp4j.sync keeps the thread's owned mutexes here. */
    public ExitHook exitHook() {
        return exitHook;
    }

    /**
     * Sets the hook {@link #exit()} runs; org.iocp4j.sync sets it under its lock, maybe from a
     * thread that hands this one a mutex.
     */
    public void exitHook(ExitHook hook) {
        this.exitHook = hook;
    }

    /**
     * The thread is exiting: its exit hook runs (its mutexes are abandoned), then it is
     * dissociated (R29). The simulator calls this; real threads are found dead by the watchdog
     * and by waiters on their mutexes.
     */
    public void exit() {
        ExitHook hook = exitHook;
        if (hook != null) {
            hook.threadExiting(this);
        }
        EmulatedCompletionPort p = port;
        if (p != null) {
            p.dissociate(this);
        }
    }

    /**
     * How many times this thread spins for a packet before it waits (capped by the seam's
     * spinTries); only the owner touches it. Spinning pays when packets come one at a time and
     * the next one is near (a reply): the thread takes it without parking and without an unpark.
     * It costs when packets stream: the consumer then takes them one by one in lockstep with the
     * producer, pulling the cache line the producer writes on every post, or burns a processor
     * the producer needs. So a take that leaves packets queued or takes several at once (the
     * producers are ahead) stops the spinning; each take of a lone packet, and each hand-off,
     * doubles it back towards the cap.
     */
    int spinBudget = Integer.MAX_VALUE;

    /** This thread took packets; {@code backlog}: others stay queued, or it took several. {@code most}: the seam's spinTries. */
    void tookPackets(boolean backlog, int most) {
        int b = spinBudget;
        int next = backlog ? 0 : b >= most >> 1 ? most : 2 * b + 1;
        if (next != b) {
            spinBudget = next;
        }
    }

    /** A poll on this thread is delivering from the scratch arrays; a nested take must not reuse them. */
    int delivering;

    /**
     * What a port listener threw on this thread while a port call ran, kept until the call has
     * finished what it changed (see PortGate.event), then thrown by {@link #rethrowListenerFailure}.
     * Only the owner touches it.
     */
    Throwable listenerFailure;

    void listenerFailed(Throwable t) {
        if (listenerFailure == null) {
            listenerFailure = t;
        } else if (listenerFailure != t) {
            listenerFailure.addSuppressed(t);
        }
    }

    /** Removes and returns what a listener threw on this thread, or null. */
    Throwable takeListenerFailure() {
        Throwable t = listenerFailure;
        listenerFailure = null;
        return t;
    }

    /** Throws what a listener threw during the call that ends now, if anything. */
    void rethrowListenerFailure() {
        Throwable t = takeListenerFailure();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t != null) {
            throw (Error) t;
        }
    }

    void prepareScratch(int limit) {
        if (keys.length < limit || delivering > 0) {
            keys = new long[limit];
            bytes = new int[limit];
            overlappeds = new Object[limit];
            errors = new int[limit];
        }
    }

    @Override
    public String toString() {
        return "ThreadRecord[" + thread.getName() + "]";
    }
}
