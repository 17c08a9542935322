package org.iocp4j;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.iocp4j.internal.ThreadRecord;

/**
 * Tells the calling thread's port about blocking it cannot see: code run here counts as a wait,
 * so the thread gives up its active slot and may release a waiter (R26), and takes it back when
 * the code returns, even over the maximum (R27). Waits on iocp4j's own kernel objects report
 * themselves; wrap anything else that blocks (a JDK lock, blocking JDK I/O, a foreign queue).
 *
 * <pre>{@code
 * Blocking.run(() -> socket.getInputStream().read(buf));
 * }</pre>
 *
 * <p>Code that already describes its blocking as a {@link ForkJoinPool.ManagedBlocker} can use
 * {@link #managedBlock(ForkJoinPool.ManagedBlocker)} (the pool's compensation and the port's
 * accounting together) or {@link #reporting(ForkJoinPool.ManagedBlocker)} (a blocker to hand to
 * whoever calls {@code ForkJoinPool.managedBlock}).
 *
 * <p>Nesting is allowed: only the outermost wait gives up and takes back the slot. A thread not
 * associated with a port just runs the code.
 */
public final class Blocking {

    private Blocking() {}

    /** A piece of blocking code that may throw. */
    @FunctionalInterface
    public interface BlockingAction {
        void run() throws Exception;
    }

    /** Runs {@code action} as a wait; its exceptions pass through unchanged. */
    public static void run(BlockingAction action) throws Exception {
        Objects.requireNonNull(action, "action");
        ThreadRecord me = ThreadRecord.current();
        me.enterWait();
        try {
            action.run();
        } finally {
            me.exitWait();
        }
    }

    /** Calls {@code action} as a wait and returns its result. */
    public static <T> T call(Callable<T> action) throws Exception {
        Objects.requireNonNull(action, "action");
        ThreadRecord me = ThreadRecord.current();
        me.enterWait();
        try {
            return action.call();
        } finally {
            me.exitWait();
        }
    }

    /**
     * {@link ForkJoinPool#managedBlock} with the port told: while {@code blocker.block()} runs, the
     * calling thread has given up its port slot (R26); it takes it back when {@code block()}
     * returns (R27). {@code isReleasable()} is called as usual and, when it answers true, nothing is
     * reported. In a ForkJoinPool the pool may also add a spare thread, as managedBlock always does.
     *
     * @throws InterruptedException if {@code block()} throws it; the slot is taken back first
     */
    public static void managedBlock(ForkJoinPool.ManagedBlocker blocker) throws InterruptedException {
        ForkJoinPool.managedBlock(reporting(blocker));
    }

    /**
     * A blocker that does what {@code blocker} does and reports each {@code block()} call to the
     * calling thread's port as a wait (R26, R27); hand it to code that calls
     * {@link ForkJoinPool#managedBlock} itself.
     */
    public static ForkJoinPool.ManagedBlocker reporting(ForkJoinPool.ManagedBlocker blocker) {
        Objects.requireNonNull(blocker, "blocker");
        return new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
                ThreadRecord me = ThreadRecord.current();
                me.enterWait();
                try {
                    return blocker.block();
                } finally {
                    me.exitWait();
                }
            }

            @Override
            public boolean isReleasable() {
                return blocker.isReleasable();
            }
        };
    }
}
