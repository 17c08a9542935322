package org.iocp4j.conformance;

import org.iocp4j.CompletionPort;

/**
 * Raymond Chen's concurrency-1 example (RC-2021, R23), set up to the point where it gets
 * interesting: a port with concurrency 1 and two posted packets (keys 1 and 2); thread A took
 * packet 1 and spins; thread B called dequeue and sleeps although packet 2 is queued. What ends
 * B's wait is up to the test: A blocking (R26), A moving to another port (R30, R31), A exiting
 * (R29), the close (R33).
 *
 * @param port the port, concurrency 1, packet 2 queued
 * @param a the first receiver, spinning with packet 1 ({@link ScriptedThread#release()} stops it)
 * @param aSpins A's spin step
 * @param b the second receiver
 * @param bWaits B's dequeue (INFINITE), still waiting
 */
public record ChenExample(CompletionPort port, ScriptedThread a, Call aSpins, ScriptedThread b, Call bWaits) {

    /** Stops A's spin and waits until A is idle again (still running, still counted). */
    public void stopSpinning() {
        a.release();
        aSpins.await();
    }
}
