package org.iocp4j.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test that is a simulator property: the method runs as the main thread of one
 * simulation per seed (or per schedule, in exhaustive mode) and takes the {@link Sim} as a
 * parameter. A failure is shrunk and reported with its replay tokens and trace; run
 * {@code -Diocp4j.sim.replay=<token>} to replay it, {@code -Diocp4j.sim.seeds=<n>} to run more seeds.
 *
 * <pre>{@code
 * @SimProperty(seeds = 1000)
 * void noPacketIsLost(Sim sim) throws Exception {
 *     CompletionPort port = sim.openPort(2);
 *     ...
 * }
 * }</pre>
 *
 * <p>The same test instance serves every run: keep the scenario's state in local variables.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(SimPropertyExtension.class)
public @interface SimProperty {

    /** How to choose schedules. */
    enum Mode {
        /** {@link Strategy#randomWalk()} over {@link #seeds()} seeds. */
        RANDOM_WALK,
        /** {@link Strategy#pct(int)} with {@link #depth()} over {@link #seeds()} seeds. */
        PCT,
        /** Every schedule, for a scenario within {@link #maxThreads()} and {@link #maxSteps()}. */
        EXHAUSTIVE
    }

    /** How many seeds to run. */
    int seeds() default 100;

    /** The first seed. */
    long firstSeed() default 0;

    Mode mode() default Mode.RANDOM_WALK;

    /** PCT's bug depth. */
    int depth() default 3;

    /** Exhaustive mode: the most threads a run may make, main included. */
    int maxThreads() default 3;

    /** Exhaustive mode: the most scheduling steps a run may take. */
    int maxSteps() default 12;

    /** Every run: the scheduling steps after which it stops with an error. */
    long stepBudget() default SimOptions.DEFAULT_MAX_STEPS;

    /** How many runs the shrinker may make. */
    int shrinkRuns() default 1000;
}
