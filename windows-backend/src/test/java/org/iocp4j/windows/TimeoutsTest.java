package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.spi.PortCalls;
import org.junit.jupiter.api.Test;

/** Timeouts in the kernel's DWORD milliseconds (R39): runs everywhere. */
class TimeoutsTest {

    @Test
    void infiniteIsTheInfiniteDword() {
        long nanos = PortCalls.timeoutNanos(CompletionPort.INFINITE, TimeUnit.SECONDS);
        assertEquals(0xFFFFFFFF, Timeouts.toMillis(nanos));
    }

    @Test
    void zeroStaysZeroAndPartsOfAMillisecondRoundUp() {
        assertEquals(0, Timeouts.toMillis(0));
        assertEquals(1, Timeouts.toMillis(1));
        assertEquals(1, Timeouts.toMillis(1_000_000));
        assertEquals(2, Timeouts.toMillis(1_000_001));
        assertEquals(1500, Timeouts.toMillis(PortCalls.timeoutNanos(1500, TimeUnit.MILLISECONDS)));
    }

    @Test
    void waitsBeyondTheLongestDwordAreCut() {
        assertEquals(Timeouts.LONGEST_FINITE, Timeouts.toMillis(TimeUnit.DAYS.toNanos(100)));
    }

    @Test
    void negativeTimeoutsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortCalls.timeoutNanos(-1, TimeUnit.MILLISECONDS));
        assertEquals("timeout must be >= 0 (0 = do not wait, CompletionPort.INFINITE = wait forever), got -1",
                e.getMessage());
    }
}
