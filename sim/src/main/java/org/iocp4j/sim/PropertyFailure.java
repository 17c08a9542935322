package org.iocp4j.sim;

/**
 * A property failed: says on which run, how to replay the failing run and the shrunk one with
 * one system property, and shows the shrunk run's trace. Its cause is the shrunk run's failure.
 * A STALL or LEAK depends on real time and is not shrunk: the report says so and shows the
 * failing run's trace.
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private static final int TRACE_LINES = 200;

    private final transient SimResult original;
    private final transient SimResult shrunk;

    PropertyFailure(String name, String found, SimResult original, Shrinker.Outcome outcome) {
        super(message(name, found, original, outcome), outcome.shrunk().failure());
        this.original = original;
        this.shrunk = outcome.shrunk();
    }

    private static String message(String name, String found, SimResult original, Shrinker.Outcome o) {
        SimResult s = o.shrunk();
        StringBuilder sb = new StringBuilder();
        sb.append("property '").append(name).append("' failed ").append(found).append(": ")
                .append(what(original)).append('\n');
        sb.append("  replay the failing run: -D").append(PropertyRunner.REPLAY_PROPERTY).append('=')
                .append(original.token()).append('\n');
        if (o.notShrunk() != null) {
            sb.append("  not shrunk: ").append(o.notShrunk()).append(". The replay above repeats the run up to the"
                    + " failure; it fails the same way if the cause is in the scenario's code, not the machine's load\n");
        } else if (!o.reproducible()) {
            sb.append("  it did NOT fail again when replayed from its decisions: the scenario is not a function of"
                    + " its seed (real time, real threads, shared static state, or state kept between runs?)\n");
        } else {
            ReplayToken t = s.scheduleToken();
            sb.append("  shrunk in ").append(o.runs()).append(" runs to ");
            if (s.actionCount() >= 0) {
                int[] kept = t.keptActions();
                sb.append(kept != null ? kept.length : s.actionCount()).append(" of ")
                        .append(original.actionCount()).append(" actions and ");
            }
            sb.append(t.decisionCount()).append(t.decisionCount() == 1 ? " scheduling decision (" : " scheduling decisions (")
                    .append(s.choicePoints()).append(" choice points, ").append(s.steps()).append(" steps)\n");
            sb.append("  replay the shrunk case: -D").append(PropertyRunner.REPLAY_PROPERTY).append('=').append(t)
                    .append('\n');
            sb.append("  shrunk failure: ").append(what(s)).append('\n');
        }
        sb.append(o.reproducible() ? "shrunk trace:\n" : "trace:\n").append(s.trace().renderTail(TRACE_LINES));
        return sb.toString();
    }

    private static String what(SimResult r) {
        Throwable f = r.failure();
        if (f instanceof SimulationException e) {
            String m = e.getMessage();
            int nl = m.indexOf('\n');
            return e.kind() + ": " + (nl < 0 ? m : m.substring(0, nl));
        }
        return r.failedThread() + " threw " + f;
    }

    /** The run that failed first. */
    public SimResult original() {
        return original;
    }

    /** The smallest failing run the shrinker found (the original if it could not shrink, or did not try). */
    public SimResult shrunk() {
        return shrunk;
    }

    /** The token that replays the shrunk run (the original's decisions if it was not shrunk). */
    public ReplayToken shrunkToken() {
        return shrunk.scheduleToken();
    }
}
