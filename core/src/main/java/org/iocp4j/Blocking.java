package org.iocp4j;

import java.util.Objects;
import java.util.concurrent.Callable;
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
}
