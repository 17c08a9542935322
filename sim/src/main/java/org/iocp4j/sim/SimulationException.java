package org.iocp4j.sim;

/**
 * A simulation stopped because it could not go on: its message says why, who waits on what, and
 * shows the tail of the trace; {@link #token()} replays it.
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a simulation stopped. */
    public enum Kind {
        /** Every simulated thread waits and no timer is pending. */
        DEADLOCK,
        /** The run took more scheduling steps than {@link SimOptions#maxSteps()}. */
        STEP_BUDGET,
        /** Virtual time would pass {@link SimOptions#maxTimeNanos()}. */
        TIME_BUDGET,
        /** A simulated thread ran longer than {@link SimOptions#stallTimeout()} of real time without a scheduling point. */
        STALL,
        /** Simulated threads did not end after the run stopped (they catch and ignore the stop). */
        LEAK
    }

    private final Kind kind;
    private final transient ReplayToken token;

    SimulationException(Kind kind, String message, ReplayToken token) {
        super(message);
        this.kind = kind;
        this.token = token;
    }

    public Kind kind() {
        return kind;
    }

    /** The token that replays the run, or null. */
    public ReplayToken token() {
        return token;
    }
}
