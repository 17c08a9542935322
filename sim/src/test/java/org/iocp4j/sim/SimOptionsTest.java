package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad options are refused with a message naming the option, and leave the builder as it was. */
class SimOptionsTest {

    private static void assertRefused(String option, Runnable call) {
        String m = assertThrows(IllegalArgumentException.class, call::run).getMessage();
        assertTrue(m.startsWith(option + " must be"), () -> "should name '" + option + "': " + m);
    }

    @Test
    void badValuesAreRefusedAndChangeNothing() {
        SimOptions.Builder b = SimOptions.builder().seed(3);
        Duration tooLong = Duration.ofSeconds(Long.MAX_VALUE); // more than Long.MAX_VALUE nanoseconds
        assertRefused("maxSteps", () -> b.maxSteps(0));
        assertRefused("maxTime", () -> b.maxTime(Duration.ZERO));
        assertRefused("maxTime", () -> b.maxTime(tooLong));
        assertRefused("spinQuantum", () -> b.spinQuantum(tooLong));
        assertRefused("stallTimeout", () -> b.stallTimeout(tooLong));
        assertRefused("processors", () -> b.processors(0));
        assertRefused("traceCapacity", () -> b.traceCapacity(0));
        assertThrows(NullPointerException.class, () -> b.maxTime(null));
        SimOptions o = b.build();
        SimOptions d = SimOptions.defaults();
        assertEquals(3, o.seed(), "the refused calls changed nothing");
        assertEquals(d.maxSteps(), o.maxSteps());
        assertEquals(d.maxTimeNanos(), o.maxTimeNanos());
        assertEquals(d.spinQuantumNanos(), o.spinQuantumNanos());
        assertEquals(d.stallTimeout(), o.stallTimeout());
        assertEquals(d.processors(), o.processors());
        assertEquals(d.traceCapacity(), o.traceCapacity());
        assertEquals(Long.MAX_VALUE, b.maxTime(Duration.ofNanos(Long.MAX_VALUE)).build().maxTimeNanos(), "the longest");
    }
}
