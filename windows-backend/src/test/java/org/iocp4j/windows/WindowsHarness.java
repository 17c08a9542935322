package org.iocp4j.windows;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.iocp4j.Blocking;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;

/**
 * Real threads, for the kernel's port. The kernel sees every wait of every thread (R26), so a
 * scenario thread that waits for its next step by blocking, as {@link RealThreadHarness} does,
 * would give up its port slot, and a test's "A runs between two steps" would not hold on Windows.
 * Here a scenario thread waits for its next step by spinning (it stays active, R25), and blocks
 * only inside {@link Blocking#run}, where a test asks for a wait the port must see (R26). Other
 * threads (the test's own) wait as usual.
 */
final class WindowsHarness implements Harness {
    private static final ThreadLocal<Boolean> SCENARIO = ThreadLocal.withInitial(() -> false);
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final RealThreadHarness plain;
    private final Duration patience;

    WindowsHarness(Duration patience) {
        this.plain = new RealThreadHarness(patience);
        this.patience = patience;
    }

    @Override
    public void run(Scenario body) throws Exception {
        plain.run(body);
    }

    @Override
    public Thread start(String name, Runnable body) {
        return plain.start(name, () -> {
            SCENARIO.set(true);
            body.run();
        });
    }

    @Override
    public void awaitUntil(String what, BooleanSupplier condition) {
        if (!SCENARIO.get() || insideBlocking()) {
            plain.awaitUntil(what, condition); // a real wait: the kernel sees it (R26)
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + patience);
            }
            Thread.onSpinWait();
            Thread.yield(); // a yield is not a wait: the thread stays active
        }
    }

    /** True when the calling thread is inside {@link Blocking#run} or {@link Blocking#call}. */
    static boolean insideBlocking() {
        return WALKER.walk(frames -> frames.anyMatch(f -> f.getClassName().equals(Blocking.class.getName())));
    }

    @Override
    public void join(Thread thread) {
        plain.join(thread);
    }

    @Override
    public void busy() {
        plain.busy();
    }
}
