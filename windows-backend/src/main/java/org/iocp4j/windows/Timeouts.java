package org.iocp4j.windows;

/** The port API's timeouts in the kernel's unit: DWORD milliseconds, INFINITE = 0xFFFFFFFF (R39). */
final class Timeouts {
    /** 0xFFFFFFFE ms, the longest finite wait one call can ask for; longer waits loop. */
    static final int LONGEST_FINITE = 0xFFFFFFFE;

    private Timeouts() {}

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
