package org.iocp4j.conformance;

import java.util.function.BooleanSupplier;

/**
 * How a scenario runs its threads and waits for them, so one suite runs on real threads
 * (Awaitility, no sleeps) and on the simulator (its scheduler, virtual time). Suites start threads
 * and wait only through this interface (via {@link ConformanceSuite}'s helpers), never with
 * {@code new Thread}, {@code Thread.sleep} or Awaitility directly.
 *
 * <p>Scenario threads call {@link #awaitUntil} too (a {@link ScriptedThread} waits for its next
 * step that way). Such a wait must not count as a wait on any port: the thread stays active
 * (R25), as a worker busy between two dequeues does.
 */
public interface Harness {

    /**
     * Runs a scenario: as is on real threads; as the simulation's main thread on the simulator.
     * {@link InvariantCheck} runs every suite test, and the check after it, through this.
     */
    void run(Scenario body) throws Exception;

    /** Starts a thread that takes part in the scenario. */
    Thread start(String name, Runnable body);

    /**
     * Returns once {@code condition} holds; fails the test (naming {@code what}) if it never does.
     * May be called from the scenario's main thread and from threads it started.
     */
    void awaitUntil(String what, BooleanSupplier condition);

    /** Returns once {@code thread} has ended; fails the test if it does not. */
    void join(Thread thread);

    /**
     * One step of busy work: the thread keeps running and is not blocked (a spin loop on real
     * threads; a scheduling point that is not a wait on the simulator).
     */
    void busy();

    /** A scenario body. */
    @FunctionalInterface
    interface Scenario {
        void run() throws Exception;
    }
}
