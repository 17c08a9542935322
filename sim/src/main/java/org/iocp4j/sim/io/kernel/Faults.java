package org.iocp4j.sim.io.kernel;

import org.iocp4j.sim.SimRandom;
import org.iocp4j.sim.io.SimIoOptions;

/**
 * The kernel's random decisions (jitter, and the injected faults), from one stream seeded by the
 * run's seed, and how many faults were injected. A decision whose chance is 0 draws nothing, so a
 * run without faults draws the same jitter as before.
 */
final class Faults {
    private final SimRandom random;
    private final SimIoOptions options;
    long resets;
    long shortReads;
    long delays;
    long cancelRaces;

    Faults(long seed, SimIoOptions options) {
        this.random = new SimRandom(seed);
        this.random.nextLong();
        this.options = options;
    }

    /** Jitter for one segment: [0, jitter]. */
    long jitter() {
        return upTo(options.jitterNanos());
    }

    /** An injected extra delay, or 0. */
    long delay() {
        if (!drawn(options.delayChance())) {
            return 0;
        }
        delays++;
        return 1 + upTo(options.maxDelayNanos() - 1);
    }

    /** True if this segment resets its connection. */
    boolean reset() {
        if (!drawn(options.resetChance())) {
            return false;
        }
        resets++;
        return true;
    }

    /** How many of {@code n} available bytes a read takes: {@code n}, or fewer if a short read is injected. */
    int readSize(int n) {
        if (n < 2 || !drawn(options.shortReadChance())) {
            return n;
        }
        shortReads++;
        return 1 + (int) upTo(n - 2);
    }

    /**
     * Whether a cancel races this arrival: 0 for none, 1 if the cancel comes first, 2 if the data
     * does.
     */
    int cancelRace() {
        if (!drawn(options.cancelRaceChance())) {
            return 0;
        }
        cancelRaces++;
        return random.nextBoolean() ? 1 : 2;
    }

    private boolean drawn(double chance) {
        return chance > 0 && random.chance(chance);
    }

    /** A number in [0, max]. */
    private long upTo(long max) {
        if (max <= 0) {
            return 0;
        }
        return Long.remainderUnsigned(random.nextLong(), max + 1);
    }
}
