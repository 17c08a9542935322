package org.iocp4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsAreContiguousAndCloseToTheirValues() {
        int last = -1;
        for (long v = 0; v < 5_000_000; v += 1 + v / 97) {
            int i = LatencyHistogram.index(v);
            assertTrue(i >= last, "buckets grow with the value at " + v);
            last = i;
            long mid = LatencyHistogram.valueAt(i);
            assertTrue(Math.abs(mid - v) <= Math.max(1, v / 64), v + " lands in a bucket around " + mid);
        }
        assertEquals(127, LatencyHistogram.index(127));
        assertEquals(128, LatencyHistogram.index(128));
        LatencyHistogram.index(Long.MAX_VALUE); // the last bucket exists
    }

    @Test
    void quantilesOfAKnownSpread() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L); // 1 us .. 1 ms
        }
        assertEquals(1000, h.count());
        assertEquals(500_000, h.quantile(0.5), 500_000 / 60.0);
        assertEquals(990_000, h.quantile(0.99), 990_000 / 60.0);
        assertEquals(1_000_000, h.quantile(1.0), 1_000_000 / 60.0);
    }

    @Test
    void mergingAddsCountsAndAnEmptyHistogramSaysZero() {
        LatencyHistogram a = new LatencyHistogram();
        assertEquals(0, a.quantile(0.99));
        LatencyHistogram b = new LatencyHistogram();
        b.record(10);
        b.record(20);
        a.add(b);
        a.record(30);
        assertEquals(3, a.count());
        assertEquals(20, a.quantile(0.5));
        assertThrows(IllegalArgumentException.class, () -> a.quantile(0));
    }
}
