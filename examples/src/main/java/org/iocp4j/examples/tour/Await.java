package org.iocp4j.examples.tour;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling, as Awaitility does: the scenarios order their steps by
 * what the port reports ({@code port.stats()}) and what threads recorded, never by sleeping.
 */
final class Await {
    /** Far longer than any step needs; reaching it means the scenario is broken. */
    static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Await() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @throws IllegalStateException naming {@code what} if it does not hold within 10 s
     */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the tour waited 10 s for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }
}
