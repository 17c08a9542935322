package org.iocp4j.examples.echo;

/**
 * Latencies in nanoseconds, counted in log-linear buckets: exact below 128 ns, then 64 buckets
 * per power of two (under 1.6% apart), so a percentile is off by at most that much. Recording
 * allocates nothing. One thread records; {@link #add} merges another histogram in.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[index(Long.MAX_VALUE) + 1];
    private long total;

    /** The bucket of {@code nanos}: the value itself below 128, then its top 7 bits and its magnitude. */
    static int index(long nanos) {
        if (nanos < 2 * SUB) {
            return (int) Math.max(nanos, 0);
        }
        int shift = 63 - Long.numberOfLeadingZeros(nanos) - SUB_BITS; // keeps 7 significant bits
        return (shift << SUB_BITS) + (int) (nanos >>> shift);
    }

    /** The middle of bucket {@code index}. */
    static long valueAt(int index) {
        if (index < 2 * SUB) {
            return index;
        }
        int shift = (index >>> SUB_BITS) - 1;
        long low = (long) (index - (shift << SUB_BITS)) << shift;
        return low + (1L << shift) / 2;
    }

    void record(long nanos) {
        counts[index(nanos)]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /**
     * The latency at quantile {@code q} (0.5 for the median, 0.99 for p99): the smallest recorded
     * value that at least that share of recordings do not exceed; 0 when nothing was recorded.
     */
    long quantile(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("q must be in (0, 1], got " + q);
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && seen > 0) {
                return valueAt(i);
            }
        }
        return 0;
    }
}
