package org.iocp4j.sim;

import java.util.Objects;

/**
 * Checks a property: runs a scenario under the simulator over many seeds (or every schedule of a
 * tiny one); on a failure, shrinks it and throws a {@link PropertyFailure} that prints the replay
 * tokens and the shrunk trace. With {@code -Diocp4j.sim.replay=<token>} it runs only that token.
 *
 * <pre>{@code
 * PropertyRunner.of(sim -> {
 *     CompletionPort port = sim.openPort(2);
 *     ... start workers, post, join, assert ...
 * }).seeds(1000).strategy(Strategy.pct(3)).check();
 * }</pre>
 *
 * <p>The scenario must be a function of its {@link Sim}: no real time, no real threads, no state
 * kept from one run to the next.
 */
public final class PropertyRunner {
    /** The system property that replays one token instead of running the seeds. */
    public static final String REPLAY_PROPERTY = "iocp4j.sim.replay";
    /** The system property that overrides the number of seeds. */
    public static final String SEEDS_PROPERTY = "iocp4j.sim.seeds";
    private static final long MAX_SCHEDULES = 1_000_000;

    private final Sim.Scenario scenario;
    private String name = "property";
    private int seeds = 100;
    private long firstSeed;
    private Strategy strategy = Strategy.randomWalk();
    private SimOptions options = SimOptions.defaults();
    private int shrinkRuns = 1000;

    private PropertyRunner(Sim.Scenario scenario) {
        this.scenario = scenario;
    }

    /** A runner for {@code scenario}, which runs as each simulation's main thread. */
    public static PropertyRunner of(Sim.Scenario scenario) {
        return new PropertyRunner(Objects.requireNonNull(scenario, "scenario"));
    }

    /** The name reports use. */
    public PropertyRunner name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** How many seeds {@link #check()} runs (default 100; {@code -Diocp4j.sim.seeds} overrides). */
    public PropertyRunner seeds(int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        this.seeds = seeds;
        return this;
    }

    /** The first seed; the others follow it (default 0). */
    public PropertyRunner firstSeed(long seed) {
        this.firstSeed = seed;
        return this;
    }

    /** The strategy of {@link #check()} (default random walk). */
    public PropertyRunner strategy(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        if (strategy instanceof Strategy.Exhaustive) {
            throw new IllegalArgumentException("the exhaustive strategy has no seeds: call explore(maxThreads, maxSteps)");
        }
        this.strategy = strategy;
        return this;
    }

    /** Budgets and machine for every run; their seed, strategy and replay are ignored. */
    public PropertyRunner options(SimOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /** How many runs the shrinker may make (default 1000). */
    public PropertyRunner shrinkRuns(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("shrinkRuns must be >= 0, got " + runs);
        }
        this.shrinkRuns = runs;
        return this;
    }

    /**
     * Runs the seeds (or the token of {@code -Diocp4j.sim.replay}).
     *
     * @throws PropertyFailure if a run fails
     * @throws IllegalArgumentException if the replay property holds an invalid token, or the seeds
     *     property is not a whole number >= 1
     */
    public PropertyReport check() {
        String replay = System.getProperty(REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            return replay(ReplayToken.parse(replay));
        }
        int n = seedCount();
        long steps = 0;
        int most = 0;
        for (int i = 0; i < n; i++) {
            Strategy s = strategy;
            if (s instanceof Strategy.Pct p && p.steps() == 0 && most > 0) {
                s = Strategy.pct(p.depth(), most); // PCT needs the length of a run: learn it
            }
            SimResult r = Sim.run(base().seed(firstSeed + i).strategy(s).build(), scenario);
            steps += r.steps();
            most = Math.max(most, r.choicePoints());
            if (!r.passed()) {
                throw failure(r, "on run " + (i + 1) + " of " + n + " (seed " + (firstSeed + i) + ", "
                        + r.token().strategy().code() + ")");
            }
        }
        return new PropertyReport(name, "seeds", n, steps, most);
    }

    /**
     * Runs one token.
     *
     * @throws PropertyFailure if it fails (shrunk further if it can be)
     */
    public PropertyReport replay(ReplayToken token) {
        Objects.requireNonNull(token, "token");
        SimResult r = Sim.run(base().replay(token).build(), scenario);
        if (!r.passed()) {
            throw failure(r, "when replayed from " + token);
        }
        return new PropertyReport(name, "replay", 1, r.steps(), r.choicePoints());
    }

    /**
     * Runs every schedule of a tiny scenario once (depth-first over the choice points) and reports
     * how many distinct schedules it covered.
     *
     * @param maxThreads the most simulated threads a run may make, main included
     * @param maxSteps the most scheduling steps a run may take
     * @throws IllegalArgumentException if the scenario is larger than that
     * @throws PropertyFailure if a schedule fails (or the token of {@code -Diocp4j.sim.replay}, which
     *     replaces the search when set)
     */
    public PropertyReport explore(int maxThreads, int maxSteps) {
        if (maxThreads < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("maxThreads and maxSteps must be >= 1, got " + maxThreads + " and "
                    + maxSteps);
        }
        String replay = System.getProperty(REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            return replay(ReplayToken.parse(replay));
        }
        int[] prefix = new int[0];
        long schedules = 0;
        long steps = 0;
        int most = 0;
        while (true) {
            ReplayToken t = ReplayToken.of(Strategy.exhaustive(), 0).withSchedule(sparsePoints(prefix),
                    sparseChoices(prefix));
            SimResult r = Sim.run(base().replay(t).maxSteps(maxSteps).build(), scenario);
            if (r.threads() > maxThreads) {
                throw new IllegalArgumentException("exhaustive mode is for tiny scenarios: this one made " + r.threads()
                        + " threads, more than maxThreads=" + maxThreads + "; use check() with a random walk or PCT");
            }
            if (r.failure() instanceof SimulationException e && e.kind() == SimulationException.Kind.STEP_BUDGET) {
                throw new IllegalArgumentException("exhaustive mode is for tiny scenarios: this one took more than"
                        + " maxSteps=" + maxSteps + " scheduling steps; use check() with a random walk or PCT");
            }
            schedules++;
            steps += r.steps();
            most = Math.max(most, r.choicePoints());
            if (!r.passed()) {
                throw failure(r, "on schedule " + schedules + " of the exhaustive search");
            }
            int[] c = r.choices();
            int[] k = r.counts();
            int i = c.length - 1;
            while (i >= 0 && c[i] + 1 >= k[i]) {
                i--;
            }
            if (i < 0) {
                return new PropertyReport(name, "exhaustive", schedules, steps, most);
            }
            if (schedules >= MAX_SCHEDULES) {
                throw new IllegalArgumentException("exhaustive mode stopped after " + MAX_SCHEDULES
                        + " schedules; the scenario is too large for it: use check()");
            }
            prefix = java.util.Arrays.copyOf(c, i + 1);
            prefix[i]++;
        }
    }

    /** The seeds to run: {@code -Diocp4j.sim.seeds} if set (a whole number >= 1), else {@link #seeds(int)}'s. */
    private int seedCount() {
        String v = System.getProperty(SEEDS_PROPERTY);
        if (v == null || v.isBlank()) {
            return seeds;
        }
        String why = "-D" + SEEDS_PROPERTY + "=" + v + " is not a valid number of seeds: give a whole number"
                + " >= 1, or leave it unset to run the property's own " + seeds;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) {
                throw new IllegalArgumentException(why + " (no seed would pass the property without running it)");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(why, e);
        }
    }

    private SimOptions.Builder base() {
        return options.toBuilder().replay(null);
    }

    private PropertyFailure failure(SimResult r, String found) {
        Shrinker.Outcome o = new Shrinker(scenario, base().build(), shrinkRuns).shrink(r);
        return new PropertyFailure(name, found, r, o);
    }

    private static int[] sparsePoints(int[] dense) {
        int n = 0;
        for (int c : dense) {
            n += c != 0 ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static int[] sparseChoices(int[] dense) {
        int n = 0;
        for (int c : dense) {
            n += c != 0 ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                out[j++] = dense[i];
            }
        }
        return out;
    }
}
