package org.iocp4j.conformance;

import java.util.function.BooleanSupplier;

/**
 * How a scenario runs its threads and waits for them, so one suite runs on real threads
 * (Awaitility, no sleeps) and on the simulator (its scheduler, virtual time).
 */
public interface Harness {

    /** Runs a scenario: as is on real threads; as the simulation's main thread on the simulator. */
    void run(Scenario body) throws Exception;

    /** Starts a thread that takes part in the scenario. */
    Thread start(String name, Runnable body);

    /** Returns once {@code condition} holds; fails the test (naming {@code what}) if it never does. */
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
