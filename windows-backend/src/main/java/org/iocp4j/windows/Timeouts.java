package org.iocp4j.windows;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;

/** The port API's timeouts in the kernel's unit: DWORD milliseconds, INFINITE = 0xFFFFFFFF (R39). */
final class Timeouts {
    /** 0xFFFFFFFE ms, the longest finite wait one call can ask for; longer waits loop. */
    static final int LONGEST_FINITE = 0xFFFFFFFE;

    private Timeouts() {}

    /** Validates a timeout; {@link CompletionPort#INFINITE} becomes {@code Long.MAX_VALUE}. */
    static long toNanos(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 (0 = do not wait, CompletionPort.INFINITE = "
                    + "wait forever), got " + timeout);
        }
        return timeout == CompletionPort.INFINITE ? Long.MAX_VALUE : unit.toNanos(timeout);
    }

    /**
     * Nanoseconds left to a DWORD of milliseconds, rounded up so a wait is never shorter than asked;
     * {@code Long.MAX_VALUE} is INFINITE.
     */
    static int toMillis(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return Kernel32.INFINITE;
        }
        long ms = nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
        return ms >= 0xFFFFFFFEL ? LONGEST_FINITE : (int) ms;
    }
}
