package org.iocp4j.windows;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.spi.PortCalls;

/** The port API's timeouts in the kernel's unit: DWORD milliseconds, INFINITE = 0xFFFFFFFF (R39). */
final class Timeouts {
    /** 0xFFFFFFFE ms, the longest finite wait one call can ask for; longer waits loop. */
    static final int LONGEST_FINITE = 0xFFFFFFFE;

    private Timeouts() {}

    /** Validates a timeout; {@link CompletionPort#INFINITE} becomes {@code Long.MAX_VALUE} (see PortCalls). */
    static long toNanos(long timeout, TimeUnit unit) {
        return PortCalls.timeoutNanos(timeout, unit);
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
