package org.iocp4j.windows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;

/** Shared set-up of the tests that need the native backend (Windows, or Windows under Wine). */
final class OnWindows {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The reason rules of spec 1.19 are skipped under Wine. */
    static final String WINE_IGNORES_CONCURRENCY = "Wine ignores the concurrency limit (spec 1.19)";
    static final String WINE_QUEUES_HANDED_PACKETS = "a packet posted while a thread waits is queued and the thread "
            + "woken to fetch it, so the packet shows in the depth and a later remover can take it; Windows hands "
            + "it to the waiter inside the post (R15), and it is never queued (R77). Measured: in 100 rounds with the "
            + "waiter in the kernel 20 ms, depth 1 right after the post 48 times, taken by a zero-timeout dequeue 6 times";
    static final String WINE_WAKES_FIFO = "Wine wakes waiters FIFO, the order of older Wine (spec 1.19; "
            + "measured on Wine 8.0), where R14 requires LIFO";

    private static WindowsFixture fixture;

    private OnWindows() {}

    /** The fixture of the conformance suites; skips the test when the backend is not available. */
    static synchronized WindowsFixture fixture() {
        assumeAvailable();
        if (fixture == null) {
            fixture = new WindowsFixture();
        }
        return fixture;
    }

    /** Skips the test, saying what it needs, when the backend is not available. */
    static void assumeAvailable() {
        assumeTrue(WindowsPlatform.isAvailable(),
                () -> "needs the native Windows backend (Windows, or a Windows JVM under Wine: "
                        + "scripts/wine/setup-wine.sh); here: " + WindowsPlatform.unavailabilityCause());
    }

    /** Skips the test under Wine, with the reason Wine cannot run it. */
    static void assumeNotWine(String reason) {
        assumeFalse(WindowsPlatform.isWine(), () -> "Wine " + WindowsPlatform.wineVersion() + ": " + reason);
    }

    static CompletionPort open(int concurrency) {
        return CompletionPorts.open(WindowsPortProvider.NAME, PortOptions.withConcurrency(concurrency));
    }

    /** True while {@code t} is inside a kernel32 call of the backend (a GetQueuedCompletionStatus*). */
    static boolean inKernelCall(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().equals(Kernel32.class.getName())
                && stack[0].getMethodName().startsWith("GetQueuedCompletionStatus");
    }

    /**
     * Returns once {@code t} sits in the kernel call: seen there on three polls in a row, a
     * millisecond apart. Java cannot see whether a native call has reached the kernel's wait yet;
     * this settles the few instructions between the two.
     */
    static void awaitWaiting(Thread t) {
        int[] seen = {0};
        await(t.getName() + " waits in the kernel").atMost(PATIENCE).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    seen[0] = inKernelCall(t) ? seen[0] + 1 : 0;
                    return seen[0] >= 3;
                });
    }

    /** Returns once {@code condition} holds. */
    static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(1)).until(condition::getAsBoolean);
    }

    /** Returns once {@code t} has ended. */
    static void awaitEnd(Thread t) {
        await(t.getName() + " ends").atMost(PATIENCE).pollInterval(Duration.ofMillis(1)).until(() -> !t.isAlive());
    }

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
