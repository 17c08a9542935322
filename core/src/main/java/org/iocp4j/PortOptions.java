package org.iocp4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a port. Immutable; build with {@link #builder()}.
 *
 * @param concurrency the concurrency maximum; 0 means the number of processors (R1)
 * @param watchdogPeriod how often, while packets wait and the port is saturated, the emulating
 *     backends look for associated threads that died (R29) or, with {@code watchThreadStates},
 *     are blocked where iocp4j cannot see it; this is the detection delay
 * @param watchThreadStates treat an associated thread seen BLOCKED, WAITING or TIMED_WAITING as
 *     not active (an approximation of R26; off by default)
 * @param listener sees every port event, or null
 */
public record PortOptions(int concurrency, Duration watchdogPeriod, boolean watchThreadStates,
        PortListener listener) {

    /** The default watchdog period. */
    public static final Duration DEFAULT_WATCHDOG_PERIOD = Duration.ofMillis(10);

    public PortOptions {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 0 (0 means one per processor), got "
                    + concurrency);
        }
        Objects.requireNonNull(watchdogPeriod, "watchdogPeriod");
        if (watchdogPeriod.isNegative() || watchdogPeriod.isZero()) {
            throw new IllegalArgumentException("watchdogPeriod must be positive, got " + watchdogPeriod);
        }
    }

    /** Options with concurrency {@code n} and every other setting at its default. */
    public static PortOptions withConcurrency(int n) {
        return builder().concurrency(n).build();
    }

    /** The concurrency maximum this port will use: {@code concurrency}, or the processors when 0 (R1). */
    public int effectiveConcurrency() {
        return concurrency == 0 ? Runtime.getRuntime().availableProcessors() : concurrency;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PortOptions}. */
    public static final class Builder {
        private int concurrency;
        private Duration watchdogPeriod = DEFAULT_WATCHDOG_PERIOD;
        private boolean watchThreadStates;
        private PortListener listener;

        private Builder() {}

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder watchdogPeriod(Duration period) {
            this.watchdogPeriod = period;
            return this;
        }

        public Builder watchThreadStates(boolean watch) {
            this.watchThreadStates = watch;
            return this;
        }

        public Builder listener(PortListener listener) {
            this.listener = listener;
            return this;
        }

        public PortOptions build() {
            return new PortOptions(concurrency, watchdogPeriod, watchThreadStates, listener);
        }
    }
}
