package org.iocp4j.sim;

/**
 * How one simulation went: passed or the failure, the trace, the scheduling decisions and the
 * token that replays it.
 */
public final class SimResult {
    private static final int TAIL = 60;

    private final ReplayToken token;
    private final Trace trace;
    private final Throwable failure;
    private final String failedThread;
    private final long steps;
    private final int[] choices;
    private final int[] counts;
    private final long switches;
    private final long endTimeNanos;
    private final int actionCount;
    private final int threads;

    SimResult(ReplayToken token, Trace trace, Throwable failure, String failedThread, long steps, int[] choices,
            int[] counts, long switches, long endTimeNanos, int actionCount, int threads) {
        this.token = token;
        this.trace = trace;
        this.failure = failure;
        this.failedThread = failedThread;
        this.steps = steps;
        this.choices = choices;
        this.counts = counts;
        this.switches = switches;
        this.endTimeNanos = endTimeNanos;
        this.actionCount = actionCount;
        this.threads = threads;
    }

    public boolean passed() {
        return failure == null;
    }

    /**
     * Why the run failed: the exception a simulated thread threw (an assertion, a bug), a
     * {@link SimulationException} (deadlock, budget, stall), or null if it passed.
     */
    public Throwable failure() {
        return failure;
    }

    /** The simulated thread whose exception failed the run, or null. */
    public String failedThread() {
        return failedThread;
    }

    /** The token that replays this run as it was made (strategy and seed, or the token it followed). */
    public ReplayToken token() {
        return token;
    }

    /**
     * A token that replays this run from its decisions rather than its strategy: every choice that
     * was not the default is listed. It gives the same run as {@link #token()}.
     */
    public ReplayToken scheduleToken() {
        int n = 0;
        for (int c : choices) {
            if (c != 0) {
                n++;
            }
        }
        int[] points = new int[n];
        int[] picked = new int[n];
        for (int i = 0, j = 0; i < choices.length; i++) {
            if (choices[i] != 0) {
                points[j] = i;
                picked[j++] = choices[i];
            }
        }
        return token.withSchedule(points, picked);
    }

    public Trace trace() {
        return trace;
    }

    /** Scheduling steps taken (scheduling points reached). */
    public long steps() {
        return steps;
    }

    /** Scheduling points where more than one thread could run. */
    public int choicePoints() {
        return choices.length;
    }

    /** How many times the turn passed from one simulated thread to another. */
    public long switches() {
        return switches;
    }

    /** Virtual time at the end of the run. */
    public long endTimeNanos() {
        return endTimeNanos;
    }

    /** Size of the action list the scenario drew ({@link Sim#actions}), or -1 if none. */
    public int actionCount() {
        return actionCount;
    }

    /** Simulated threads the run made, main included. */
    public int threads() {
        return threads;
    }

    int[] choices() {
        return choices;
    }

    int[] counts() {
        return counts;
    }

    /** One paragraph: how the run ended, and the token; for a failure, also the tail of the trace. */
    public String describe() {
        if (failure == null) {
            return "passed: " + steps + " steps, " + choices.length + " choice points, virtual time "
                    + TraceEvent.millis(endTimeNanos) + "; replay with -Diocp4j.sim.replay=" + token;
        }
        if (failure instanceof SimulationException e) {
            return e.getMessage();
        }
        return "failed: " + failedThread + " threw " + failure + "\nlast " + TAIL + " events:\n"
                + trace.renderTail(TAIL) + "replay with -Diocp4j.sim.replay=" + token;
    }

    /**
     * @throws AssertionError describing the failure, with the trace and the token, if the run failed
     */
    public void assertPassed() {
        if (failure != null) {
            throw new AssertionError("simulation " + describe(), failure);
        }
    }

    /**
     * Throws the failure itself (the assertion a simulated thread threw, or the
     * {@link SimulationException}), with the trace and the token attached as a suppressed
     * exception, so a test fails exactly as its simulated code did.
     */
    public void rethrowFailure() throws Exception {
        if (failure == null) {
            return;
        }
        if (!(failure instanceof SimulationException)) {
            failure.addSuppressed(new TraceNote("simulated thread " + failedThread + " failed; last " + TAIL
                    + " events:\n" + trace.renderTail(TAIL) + "replay with -Diocp4j.sim.replay=" + token));
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    @Override
    public String toString() {
        return "SimResult[" + (failure == null ? "passed" : "failed: " + failure) + ", " + token + "]";
    }

    /** Carries a trace on a failure; not an error of its own. */
    static final class TraceNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TraceNote(String message) {
            super(message, null, false, false);
        }
    }
}
