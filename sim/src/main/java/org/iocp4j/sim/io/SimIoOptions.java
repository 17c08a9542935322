package org.iocp4j.sim.io;

import java.time.Duration;
import java.util.Objects;

/**
 * The simulated network and disk of a run, and the faults injected into them. Immutable; build
 * with {@link #builder()} and give it to {@link org.iocp4j.sim.SimOptions.Builder#io}.
 *
 * <p>Every fault is decided by the kernel's own random stream, a function of the run's seed and
 * of the schedule: the same replay token injects the same faults at the same virtual instants.
 * All chances default to 0 (no faults); latency, jitter and bandwidth have defaults that look like
 * a fast local network.
 */
public final class SimIoOptions {
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);
    private final long latencyNanos;
    private final long jitterNanos;
    private final long bytesPerSecond;
    private final int socketBuffer;
    private final int segmentSize;
    private final long fileLatencyNanos;
    private final long fileBytesPerSecond;
    private final double resetChance;
    private final double shortReadChance;
    private final double delayChance;
    private final long maxDelayNanos;
    private final double cancelRaceChance;

    private SimIoOptions(Builder b) {
        this.latencyNanos = b.latency.toNanos();
        this.jitterNanos = b.jitter.toNanos();
        this.bytesPerSecond = b.bytesPerSecond;
        this.socketBuffer = b.socketBuffer;
        this.segmentSize = b.segmentSize;
        this.fileLatencyNanos = b.fileLatency.toNanos();
        this.fileBytesPerSecond = b.fileBytesPerSecond;
        this.resetChance = b.resetChance;
        this.shortReadChance = b.shortReadChance;
        this.delayChance = b.delayChance;
        this.maxDelayNanos = b.maxDelay.toNanos();
        this.cancelRaceChance = b.cancelRaceChance;
    }

    /** Every default: 50 µs latency, 20 µs jitter, 1 GB/s, 256 KiB socket buffers, no faults. */
    public static SimIoOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.latency = Duration.ofNanos(latencyNanos);
        b.jitter = Duration.ofNanos(jitterNanos);
        b.bytesPerSecond = bytesPerSecond;
        b.socketBuffer = socketBuffer;
        b.segmentSize = segmentSize;
        b.fileLatency = Duration.ofNanos(fileLatencyNanos);
        b.fileBytesPerSecond = fileBytesPerSecond;
        b.resetChance = resetChance;
        b.shortReadChance = shortReadChance;
        b.delayChance = delayChance;
        b.maxDelay = Duration.ofNanos(maxDelayNanos);
        b.cancelRaceChance = cancelRaceChance;
        return b;
    }

    /** One-way delay of a segment, a connection request or its answer. */
    public long latencyNanos() {
        return latencyNanos;
    }

    /** Up to this much more delay per segment, drawn from the seed; segments never overtake each other. */
    public long jitterNanos() {
        return jitterNanos;
    }

    /** How fast one direction of a connection carries bytes. */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /**
     * Bytes one direction of a connection holds, in flight and unread together: a writer whose
     * peer does not read waits (its write stays pending) once this much is outstanding.
     */
    public int socketBuffer() {
        return socketBuffer;
    }

    /** The largest segment; a larger write leaves as several, each arriving on its own. */
    public int segmentSize() {
        return segmentSize;
    }

    /** Time a file read or write takes before its transfer. */
    public long fileLatencyNanos() {
        return fileLatencyNanos;
    }

    /** How fast the simulated disk moves bytes. */
    public long fileBytesPerSecond() {
        return fileBytesPerSecond;
    }

    /**
     * Chance per segment that the connection is reset instead of carrying it: both ends then fail
     * their pending and later operations with ERROR_NETNAME_DELETED (64), the receiver first.
     */
    public double resetChance() {
        return resetChance;
    }

    /** Chance per socket read that could take more than one byte that it takes fewer (at least one). */
    public double shortReadChance() {
        return shortReadChance;
    }

    /** Chance per segment and per file operation of an extra delay of up to {@link #maxDelayNanos()}. */
    public double delayChance() {
        return delayChance;
    }

    /** The longest extra delay. */
    public long maxDelayNanos() {
        return maxDelayNanos;
    }

    /**
     * Chance, when data arrives for a pending socket read or a file operation finishes, that a
     * cancel of that operation (CancelIoEx) arrives at the same virtual instant; the seed decides
     * which comes first. If the cancel wins, the operation completes with ERROR_OPERATION_ABORTED
     * and the data waits for the next read (R66: no byte is lost); if the data wins, the cancel
     * finds nothing (ERROR_NOT_FOUND).
     */
    public double cancelRaceChance() {
        return cancelRaceChance;
    }

    /** True if any fault can be injected. */
    public boolean injectsFaults() {
        return resetChance > 0 || shortReadChance > 0 || delayChance > 0 || cancelRaceChance > 0;
    }

    @Override
    public String toString() {
        return "SimIoOptions[latency=" + Duration.ofNanos(latencyNanos) + ", jitter=" + Duration.ofNanos(jitterNanos)
                + ", bytesPerSecond=" + bytesPerSecond + ", socketBuffer=" + socketBuffer + ", segmentSize="
                + segmentSize + ", resets=" + resetChance + ", shortReads=" + shortReadChance + ", delays="
                + delayChance + " up to " + Duration.ofNanos(maxDelayNanos) + ", cancelRaces=" + cancelRaceChance + "]";
    }

    /** Builds {@link SimIoOptions}; every setter checks its argument. */
    public static final class Builder {
        private Duration latency = Duration.ofNanos(50_000);
        private Duration jitter = Duration.ofNanos(20_000);
        private long bytesPerSecond = 1_000_000_000L;
        private int socketBuffer = 256 << 10;
        private int segmentSize = 64 << 10;
        private Duration fileLatency = Duration.ofNanos(20_000);
        private long fileBytesPerSecond = 2_000_000_000L;
        private double resetChance;
        private double shortReadChance;
        private double delayChance;
        private Duration maxDelay = Duration.ofMillis(1);
        private double cancelRaceChance;

        private Builder() {}

        /** One-way network latency (default 50 µs); zero is allowed. */
        public Builder latency(Duration latency) {
            this.latency = nonNegative(latency, "latency");
            return this;
        }

        /** Extra delay per segment, up to this much (default 20 µs). */
        public Builder jitter(Duration jitter) {
            this.jitter = nonNegative(jitter, "jitter");
            return this;
        }

        /** Bytes per second of one direction of a connection (default 1 GB/s). */
        public Builder bandwidth(long bytesPerSecond) {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("bandwidth must be >= 1 byte per second, got " + bytesPerSecond);
            }
            this.bytesPerSecond = bytesPerSecond;
            return this;
        }

        /** Bytes one direction holds, in flight and unread (default 256 KiB). */
        public Builder socketBuffer(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("socketBuffer must be >= 1 byte, got " + bytes);
            }
            this.socketBuffer = bytes;
            return this;
        }

        /** The largest segment (default 64 KiB). */
        public Builder segmentSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("segmentSize must be >= 1 byte, got " + bytes);
            }
            this.segmentSize = bytes;
            return this;
        }

        /** Time a file operation takes before its transfer (default 20 µs). */
        public Builder fileLatency(Duration latency) {
            this.fileLatency = nonNegative(latency, "fileLatency");
            return this;
        }

        /** Bytes per second of the simulated disk (default 2 GB/s). */
        public Builder fileBandwidth(long bytesPerSecond) {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("fileBandwidth must be >= 1 byte per second, got "
                        + bytesPerSecond);
            }
            this.fileBytesPerSecond = bytesPerSecond;
            return this;
        }

        /** Chance per segment that the connection is reset there (see {@link SimIoOptions#resetChance()}). */
        public Builder resets(double chance) {
            this.resetChance = chance(chance, "resets");
            return this;
        }

        /** Chance per socket read that it takes fewer bytes than it could. */
        public Builder shortReads(double chance) {
            this.shortReadChance = chance(chance, "shortReads");
            return this;
        }

        /** Chance per segment and per file operation of an extra delay of up to {@code max}. */
        public Builder delays(double chance, Duration max) {
            if (nonNegative(max, "delays: max").isZero()) {
                throw new IllegalArgumentException("delays: max must be positive, got " + max);
            }
            this.delayChance = chance(chance, "delays");
            this.maxDelay = max;
            return this;
        }

        /** Chance that a cancel races each arrival at a pending operation (see {@link SimIoOptions#cancelRaceChance()}). */
        public Builder cancelRaces(double chance) {
            this.cancelRaceChance = chance(chance, "cancelRaces");
            return this;
        }

        public SimIoOptions build() {
            return new SimIoOptions(this);
        }

        /** {@code d} if it is not negative and fits in a long of nanoseconds, as the simulator counts time. */
        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            if (d.compareTo(MAX_NANOS) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + MAX_NANOS + " (Long.MAX_VALUE"
                        + " nanoseconds, the simulator's clock), got " + d + ": give a shorter duration");
            }
            return d;
        }

        private static double chance(double p, String name) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + ": a chance must be in [0, 1], got " + p);
            }
            return p;
        }
    }
}
