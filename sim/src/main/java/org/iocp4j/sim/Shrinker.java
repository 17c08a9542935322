package org.iocp4j.sim;

import java.util.Arrays;

/**
 * Shrinks a failing run to a small one that fails the same way (the same exception class, or the
 * same kind of {@link SimulationException}, except a STALL or LEAK, which depend on real time and
 * are not shrunk): first drops actions, then scheduling decisions in
 * halving chunks, then lowers the remaining choices, until nothing helps or the budget of runs is
 * spent. Each accepted candidate is re-read from the run it made, so the result replays exactly.
 * Local moves can stop at a local minimum, so it also tries random schedules with fewer decisions.
 *
 * <p>Dropping an action moves the choice points after it, so the old decisions rarely fit the
 * smaller action list; when they do not, a few random schedules are tried on it, written out as
 * explicit decisions (from a generator seeded by the failing run), so every candidate is still a
 * token.
 */
final class Shrinker {
    private static final int RESEARCH_RUNS = 16;
    private static final int SPARSE_RUNS = 40;

    private final Sim.Scenario scenario;
    private final SimOptions base;
    private final int budget;
    private SimRandom research;
    private SimResult best;
    private int runs;

    Shrinker(Sim.Scenario scenario, SimOptions base, int budget) {
        this.scenario = scenario;
        this.base = base;
        this.budget = budget;
    }

    /**
     * The outcome: the smallest failing run found, and whether the failure replayed at all; or, if
     * the shrinker did not try, why not ({@code notShrunk}, else null).
     */
    record Outcome(SimResult shrunk, int runs, boolean reproducible, String notShrunk) {}

    Outcome shrink(SimResult failing) {
        String realTime = realTime(failing.failure());
        if (realTime != null) {
            return new Outcome(failing, 0, false, realTime);
        }
        best = failing;
        research = SimRandom.of(failing.token().seed(), failing.trace().hash());
        ReplayToken explicit = failing.scheduleToken();
        if (!attempt(explicit, true)) {
            return new Outcome(failing, runs, false, null);
        }
        boolean progress = true;
        while (progress && runs < budget) {
            progress = dropActions() | dropDecisions() | lowerChoices() | sparserSchedules();
        }
        return new Outcome(best, runs, true, null);
    }

    private ReplayToken current() {
        return best.scheduleToken();
    }

    private boolean dropActions() {
        int count = best.actionCount();
        if (count <= 0) {
            return false;
        }
        int[] kept = current().keptActions();
        if (kept == null) {
            kept = new int[count];
            Arrays.setAll(kept, i -> i);
        }
        boolean progress = false;
        for (int size = Math.max(1, kept.length / 2); size >= 1 && runs < budget; size /= 2) {
            for (int start = 0; start < kept.length && runs < budget;) {
                int[] candidate = without(kept, start, size);
                if (attempt(current().withActions(candidate), false) || researchSchedules(candidate)) {
                    kept = current().keptActions();
                    progress = true;
                } else {
                    start += size;
                }
            }
        }
        return progress;
    }

    /** Tries random schedules on the action list {@code kept}. */
    private boolean researchSchedules(int[] kept) {
        int length = Math.max(64, 2 * best.choicePoints());
        int[] points = new int[length];
        Arrays.setAll(points, i -> i);
        for (int i = 0; i < RESEARCH_RUNS && runs < budget; i++) {
            int[] choices = new int[length];
            Arrays.setAll(choices, k -> research.nextInt(1 << 16)); // taken modulo the candidates
            if (attempt(best.token().withActions(kept).withSchedule(points, choices), false)) {
                return true;
            }
        }
        return false;
    }

    private boolean dropDecisions() {
        boolean progress = false;
        int n = current().decisionCount();
        for (int size = Math.max(1, n / 2); size >= 1 && runs < budget; size /= 2) {
            for (int start = 0; start < current().decisionCount() && runs < budget;) {
                ReplayToken t = current();
                ReplayToken candidate = t.withSchedule(without(t.decisionPoints(), start, size),
                        without(t.decisionChoices(), start, size));
                if (attempt(candidate, false)) {
                    progress = true;
                } else {
                    start += size;
                }
            }
        }
        return progress;
    }

    private boolean lowerChoices() {
        boolean progress = false;
        for (int i = 0; i < current().decisionCount() && runs < budget; i++) {
            ReplayToken t = current();
            for (int v = 1; v < t.decisionChoices()[i] && runs < budget; v++) {
                int[] choices = t.decisionChoices().clone();
                choices[i] = v;
                if (attempt(t.withSchedule(t.decisionPoints(), choices), false)) {
                    progress = true;
                    break;
                }
            }
        }
        return progress;
    }

    /**
     * Local moves stop at a local minimum; this looks straight for schedules with fewer decisions:
     * a few random ones with k = 1, 2... decisions at random points of the current run.
     */
    private boolean sparserSchedules() {
        int have = current().decisionCount();
        int points = best.choicePoints();
        for (int k = 1; k < have && k <= points && runs < budget; k++) {
            for (int i = 0; i < SPARSE_RUNS && runs < budget; i++) {
                int[] at = new int[k];
                for (int j = 0; j < k; j++) {
                    int p;
                    do {
                        p = research.nextInt(points);
                    } while (contains(at, j, p));
                    at[j] = p;
                }
                Arrays.sort(at);
                int[] choices = new int[k];
                Arrays.setAll(choices, j -> 1 + research.nextInt(3)); // taken modulo the candidates
                if (attempt(current().withSchedule(at, choices), false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] without(int[] a, int start, int size) {
        int end = Math.min(a.length, start + size);
        int[] out = new int[a.length - (end - start)];
        System.arraycopy(a, 0, out, 0, start);
        System.arraycopy(a, end, out, start, a.length - end);
        return out;
    }

    /** Runs {@code candidate}; keeps it if it fails the same way and is smaller (or {@code first}). */
    private boolean attempt(ReplayToken candidate, boolean first) {
        runs++;
        SimResult r = Sim.run(base.toBuilder().replay(candidate).build(), scenario);
        if (!sameFailure(best.failure(), r.failure())) {
            return false;
        }
        if (!first && !smaller(r, best)) {
            return false;
        }
        best = r;
        return true;
    }

    /**
     * Why {@code failure} is not shrunk, or null: a STALL or a LEAK is decided by real time, not by
     * the seed, so a replay need not fail the same way, costs that real time again, and can leave
     * one more stuck thread behind.
     */
    static String realTime(Throwable failure) {
        if (!(failure instanceof SimulationException e)) {
            return null;
        }
        return switch (e.kind()) {
            case STALL -> "a STALL depends on real time (how long a thread went without a scheduling point), not on the"
                    + " seed alone; each replay would wait that long again and could leave its stuck thread behind";
            case LEAK -> "a LEAK depends on real time (which threads had not ended a few seconds after the run"
                    + " stopped), not on the seed alone; each replay would wait that long again and leave its"
                    + " threads behind";
            default -> null;
        };
    }

    static boolean sameFailure(Throwable a, Throwable b) {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        return !(a instanceof SimulationException x) || x.kind() == ((SimulationException) b).kind();
    }

    /** Fewer actions, then fewer decisions, then lower choices. */
    private static boolean smaller(SimResult a, SimResult b) {
        int c = Integer.compare(kept(a), kept(b));
        if (c != 0) {
            return c < 0;
        }
        ReplayToken ta = a.scheduleToken();
        ReplayToken tb = b.scheduleToken();
        c = Integer.compare(ta.decisionCount(), tb.decisionCount());
        if (c != 0) {
            return c < 0;
        }
        return Arrays.stream(ta.decisionChoices()).sum() < Arrays.stream(tb.decisionChoices()).sum();
    }

    private static int kept(SimResult r) {
        int[] k = r.token().keptActions();
        return k != null ? k.length : Math.max(0, r.actionCount());
    }
}
