package org.iocp4j.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.iocp4j.sim.SimOptions;
import org.junit.jupiter.api.Test;

/** Bad options are refused with a message naming the option, and leave the builder as it was. */
class SimIoOptionsTest {

    private static void assertNames(IllegalArgumentException x, String what) {
        assertTrue(x.getMessage().contains(what), () -> "should name '" + what + "': " + x.getMessage());
    }

    @Test
    void badValuesAreRefusedAndChangeNothing() {
        SimIoOptions.Builder b = SimIoOptions.builder().resets(0.5);
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.resets(1.5)), "resets");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.shortReads(-0.1)), "shortReads");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.cancelRaces(Double.NaN)), "cancelRaces");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.delays(0.1, Duration.ZERO)), "max");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.latency(Duration.ofNanos(-1))), "latency");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.bandwidth(0)), "bandwidth");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.socketBuffer(0)), "socketBuffer");
        assertThrows(NullPointerException.class, () -> b.jitter(null));
        Duration tooLong = Duration.ofDays(200_000); // more than Long.MAX_VALUE nanoseconds
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.latency(tooLong)), "latency");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.jitter(tooLong)), "jitter");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.fileLatency(tooLong)), "fileLatency");
        assertNames(assertThrows(IllegalArgumentException.class, () -> b.delays(0.1, tooLong)), "delays");
        SimIoOptions o = b.build();
        SimIoOptions d = SimIoOptions.defaults();
        assertEquals(0.5, o.resetChance(), "the refused calls changed nothing");
        assertEquals(0, o.delayChance());
        assertEquals(d.latencyNanos(), o.latencyNanos());
        assertEquals(d.jitterNanos(), o.jitterNanos());
        assertEquals(d.fileLatencyNanos(), o.fileLatencyNanos());
        assertEquals(d.maxDelayNanos(), o.maxDelayNanos());
        assertEquals(Long.MAX_VALUE, b.latency(Duration.ofNanos(Long.MAX_VALUE)).build().latencyNanos(), "the longest");
    }

    @Test
    void defaultsInjectNoFaultAndTravelWithTheSimOptions() {
        assertFalse(SimIoOptions.defaults().injectsFaults());
        assertFalse(SimOptions.defaults().io().injectsFaults());
        SimIoOptions faulty = SimIoOptions.builder().shortReads(0.2).build();
        assertTrue(faulty.injectsFaults());
        SimOptions o = SimOptions.builder().io(faulty).build();
        assertEquals(faulty, o.toBuilder().build().io());
        assertEquals(0.2, faulty.toBuilder().build().shortReadChance());
        assertThrows(NullPointerException.class, () -> SimOptions.builder().io(null));
    }
}
