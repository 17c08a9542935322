package org.iocp4j.sim;

import java.util.List;

/**
 * Makes the scheduler's choices. Candidates come in a fixed order: the default first (the
 * running thread if it may go on, else the next runnable one after it in creation order), then
 * the others, round-robin; index 0 is thus "no preemption".
 */
interface Chooser {

    /** The index in {@code candidates} (at least two) to run at choice point {@code point}. */
    int choose(int point, List<SimThread> candidates);

    /** A thread was created. */
    default void started(SimThread t) {}

    /** A thread said it is only spinning ({@link Sim#busy()}). */
    default void yielded(SimThread t) {}

    static Chooser forRun(SimOptions options) {
        ReplayToken replay = options.replay();
        if (replay != null && replay.hasSchedule()) {
            return new ExplicitChooser(replay.decisionPoints(), replay.decisionChoices());
        }
        long seed = options.seed();
        return switch (options.strategy()) {
            case Strategy.RandomWalk rw -> new RandomWalkChooser(SimRandom.of(seed, Salt.SCHEDULE));
            case Strategy.Pct pct -> new PctChooser(SimRandom.of(seed, Salt.SCHEDULE), pct.depth(),
                    pct.steps() == 0 ? PctChooser.DEFAULT_STEPS : pct.steps());
            case Strategy.Exhaustive dfs -> new ExplicitChooser(new int[0], new int[0]);
        };
    }

    /** Salts that give each use of a seed its own random stream. */
    final class Salt {
        static final long SCHEDULE = 0x5C4ED01EL;
        static final long DATA = 0xDA7AL;
        static final long ACTIONS = 0xAC7105L;

        private Salt() {}
    }
}
