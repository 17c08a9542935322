package org.iocp4j.sim;

import java.time.Duration;
import java.util.Objects;
import org.iocp4j.sim.io.SimIoOptions;

/**
 * How to run one simulation: the seed and strategy (or a replay token), the budgets that turn a
 * scenario that never finishes into a clear error, and the simulated machine. Immutable; build
 * with {@link #builder()}.
 */
public final class SimOptions {
    /** The default budget of scheduling steps per run. */
    public static final long DEFAULT_MAX_STEPS = 1_000_000;
    /** The default budget of virtual time per run. */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofHours(1);
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private final long seed;
    private final Strategy strategy;
    private final ReplayToken replay;
    private final long maxSteps;
    private final long maxTimeNanos;
    private final int processors;
    private final long spinQuantumNanos;
    private final Duration stallTimeout;
    private final int traceCapacity;
    private final boolean virtualThreads;
    private final SimIoOptions io;

    private SimOptions(Builder b) {
        this.seed = b.seed;
        this.strategy = b.strategy;
        this.replay = b.replay;
        this.maxSteps = b.maxSteps;
        this.maxTimeNanos = b.maxTime.toNanos();
        this.processors = b.processors;
        this.spinQuantumNanos = b.spinQuantum.toNanos();
        this.stallTimeout = b.stallTimeout;
        this.traceCapacity = b.traceCapacity;
        this.virtualThreads = b.virtualThreads;
        this.io = b.io;
    }

    /** Options with every default: seed 0, random walk. */
    public static SimOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.strategy = strategy;
        b.replay = replay;
        b.maxSteps = maxSteps;
        b.maxTime = Duration.ofNanos(maxTimeNanos);
        b.processors = processors;
        b.spinQuantum = Duration.ofNanos(spinQuantumNanos);
        b.stallTimeout = stallTimeout;
        b.traceCapacity = traceCapacity;
        b.virtualThreads = virtualThreads;
        b.io = io;
        return b;
    }

    /** The seed of the run (the replay token's, if one is set). */
    public long seed() {
        return replay != null ? replay.seed() : seed;
    }

    /** The strategy of the run (the replay token's, if one is set). */
    public Strategy strategy() {
        return replay != null ? replay.strategy() : strategy;
    }

    /** The replay token to follow, or null. */
    public ReplayToken replay() {
        return replay;
    }

    /** Scheduling steps after which the run stops with {@link SimulationException.Kind#STEP_BUDGET}. */
    public long maxSteps() {
        return maxSteps;
    }

    /** Virtual time after which the run stops with {@link SimulationException.Kind#TIME_BUDGET}. */
    public long maxTimeNanos() {
        return maxTimeNanos;
    }

    /** The simulated machine's processors: the concurrency of a port opened with 0 (R1). */
    public int processors() {
        return processors;
    }

    /**
     * Virtual time one round of spinning ({@link Sim#busy()}) takes when only spinning threads
     * could run; otherwise time moves only when every thread waits.
     */
    public long spinQuantumNanos() {
        return spinQuantumNanos;
    }

    /**
     * Real time a simulated thread may run without reaching a scheduling point before the run stops
     * with {@link SimulationException.Kind#STALL} (it blocks on something the simulator cannot see).
     */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /** How many trace events are kept (the hash covers all). */
    public int traceCapacity() {
        return traceCapacity;
    }

    /** Simulated threads are carried by virtual threads (fast switches) rather than platform threads. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** The simulated network and disk, and the faults injected into them ({@link Sim#io()}). */
    public SimIoOptions io() {
        return io;
    }

    @Override
    public String toString() {
        return "SimOptions[" + (replay != null ? "replay " + replay : strategy.code() + " seed " + seed)
                + ", maxSteps=" + maxSteps + ", maxTime=" + Duration.ofNanos(maxTimeNanos)
                + ", processors=" + processors + "]";
    }

    /** Builds {@link SimOptions}; every setter checks its argument. */
    public static final class Builder {
        private long seed;
        private Strategy strategy = Strategy.randomWalk();
        private ReplayToken replay;
        private long maxSteps = DEFAULT_MAX_STEPS;
        private Duration maxTime = DEFAULT_MAX_TIME;
        private int processors = 4;
        private Duration spinQuantum = Duration.ofNanos(100_000);
        private Duration stallTimeout = Duration.ofSeconds(30);
        private int traceCapacity = 100_000;
        private boolean virtualThreads = true;
        private SimIoOptions io = SimIoOptions.defaults();

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Follows {@code token} (its seed, strategy, actions and decisions); null clears it. */
        public Builder replay(ReplayToken token) {
            this.replay = token;
            return this;
        }

        public Builder maxSteps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, got " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /** Virtual time after which the run stops (default one hour; at most about 292 years). */
        public Builder maxTime(Duration time) {
            this.maxTime = positiveNanos(time, "maxTime");
            return this;
        }

        public Builder processors(int processors) {
            if (processors < 1) {
                throw new IllegalArgumentException("processors must be >= 1, got " + processors);
            }
            this.processors = processors;
            return this;
        }

        /** Virtual time one spin round takes when only spinners could run (default 100 µs). */
        public Builder spinQuantum(Duration quantum) {
            this.spinQuantum = positiveNanos(quantum, "spinQuantum");
            return this;
        }

        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = positiveNanos(timeout, "stallTimeout");
            return this;
        }

        public Builder traceCapacity(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("traceCapacity must be >= 1, got " + events);
            }
            this.traceCapacity = events;
            return this;
        }

        public Builder virtualThreads(boolean virtual) {
            this.virtualThreads = virtual;
            return this;
        }

        /** The simulated network and disk, and their faults (default: {@link SimIoOptions#defaults()}). */
        public Builder io(SimIoOptions io) {
            this.io = Objects.requireNonNull(io, "io");
            return this;
        }

        public SimOptions build() {
            return new SimOptions(this);
        }

        /** {@code d} if it is positive and fits in a long of nanoseconds, as the simulator counts time. */
        private static Duration positiveNanos(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            if (d.compareTo(MAX_NANOS) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + MAX_NANOS + " (Long.MAX_VALUE"
                        + " nanoseconds, the simulator's clock), got " + d + ": give a shorter duration");
            }
            return d;
        }
    }
}
