package org.iocp4j.sim;

import java.util.List;
import java.util.Objects;

/**
 * The simulator's random numbers: a SplitMix64 generator, so a seed gives the same numbers on
 * every JVM and JDK version. Not thread-safe; a scenario gets its own from {@link Sim#random()}.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose numbers are a function of {@code seed} alone. */
    public SimRandom(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose ({@code salt}) of one seed, independent of the other purposes. */
    static SimRandom of(long seed, long salt) {
        SimRandom r = new SimRandom(seed ^ salt);
        r.nextLong();
        return r;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A number in [0, bound).
     *
     * @throws IllegalArgumentException if bound is not positive
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        // Lemire's multiply-shift, with rejection to stay unbiased.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A number in [from, to).
     *
     * @throws IllegalArgumentException if from &gt;= to
     */
    public int nextInt(int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("from must be < to, got [" + from + ", " + to + ")");
        }
        return from + nextInt(to - from);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** True with probability {@code p} (0..1). */
    public boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }

    /**
     * One element of {@code choices}, uniformly.
     *
     * @throws IllegalArgumentException if choices is empty
     */
    public <T> T pick(List<T> choices) {
        Objects.requireNonNull(choices, "choices");
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choices must not be empty");
        }
        return choices.get(nextInt(choices.size()));
    }
}
