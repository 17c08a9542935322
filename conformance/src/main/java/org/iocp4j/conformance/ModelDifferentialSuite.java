package org.iocp4j.conformance;

import java.util.Random;
import org.iocp4j.conformance.model.Phase;
import org.iocp4j.conformance.model.ThreadView;
import org.iocp4j.conformance.model.Wait;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The backend against the {@link org.iocp4j.conformance.model.ReferenceModel}, step by step
 * ({@link Lockstep}): the classic scenarios, then seeded random walks over three threads and two
 * ports. Every step is sequenced (the backend settles before the next one), so the comparison is
 * deterministic on real threads. A failing walk prints its seed; run it again alone with
 * {@code -Diocp4j.conformance.seed=<seed>}.
 */
public abstract class ModelDifferentialSuite extends ConformanceSuite {
    /** The system property that replays one walk. */
    public static final String SEED_PROPERTY = "iocp4j.conformance.seed";

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    /** For subclasses. */
    protected ModelDifferentialSuite() {}

    private Lockstep lockstep() {
        assumeEnforcesConcurrency();
        assumeCountsActiveThreads();
        assumeWakesLifo();
        return new Lockstep(this);
    }

    @Test
    public void r23_r26_r27_chenExampleBlockingMatchesTheModel() {
        assumeSeesLibraryWaits();
        Lockstep l = lockstep();
        int port = l.openPort(1);
        l.post(port, 1);
        l.post(port, 2);
        l.dequeue(A, port, Wait.INFINITE);
        l.dequeue(B, port, Wait.INFINITE);
        l.block(A);
        l.unblock(A);
        l.post(port, 3);
        l.dequeue(B, port, Wait.INFINITE);
        l.dequeue(A, port, Wait.INFINITE);
        l.finish();
    }

    @Test
    public void r30_r31_chenExampleDissociationMatchesTheModel() {
        Lockstep l = lockstep();
        int port = l.openPort(1);
        int dummy = l.openPort(1);
        l.post(port, 1);
        l.post(port, 2);
        l.dequeue(A, port, Wait.INFINITE);
        l.dequeue(B, port, Wait.INFINITE);
        l.dequeue(A, dummy, Wait.ZERO);
        l.dequeue(C, port, Wait.INFINITE);
        l.post(port, 3);
        l.dequeue(B, port, Wait.ZERO);
        l.finish();
    }

    @Test
    public void r14_r15_r22_waitersAndPacketsMatchTheModel() {
        Lockstep l = lockstep();
        int port = l.openPort(2);
        l.dequeue(A, port, Wait.INFINITE);
        l.dequeue(B, port, Wait.INFINITE);
        l.dequeue(C, port, Wait.INFINITE);
        l.post(port, 1);
        l.post(port, 2);
        l.post(port, 3);
        l.post(port, 4);
        l.dequeue(C, port, Wait.ZERO);
        l.poll(B, port, 3, Wait.INFINITE);
        l.finish();
    }

    @Test
    public void r29_exitMatchesTheModel() {
        assumeDetectsThreadExit();
        Lockstep l = lockstep();
        int port = l.openPort(1);
        l.post(port, 1);
        l.post(port, 2);
        l.dequeue(A, port, Wait.INFINITE);
        l.dequeue(B, port, Wait.INFINITE);
        l.exit(A);
        l.finish();
    }

    @RepeatedTest(value = 12, name = "random walk {currentRepetition}")
    public void randomWalkMatchesTheModel(RepetitionInfo repetition) {
        Long replay = Long.getLong(SEED_PROPERTY);
        long seed = replay != null ? replay : 0x10C9_4000L + repetition.getCurrentRepetition();
        Lockstep l = lockstep();
        try {
            walk(l, new Random(seed), 40);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("random walk with seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed
                    + ") failed: " + e.getMessage(), e);
        }
    }

    private void walk(Lockstep l, Random rnd, int steps) {
        boolean blocks = capabilities().seesLibraryWaits();
        int main = l.openPort(1 + rnd.nextInt(2));
        int dummy = l.openPort(1);
        long key = 0;
        for (int i = 0; i < steps; i++) {
            int t = rnd.nextInt(3);
            ThreadView v = l.model().thread(t);
            int r = rnd.nextInt(100);
            if (v.phase() == Phase.WAITING) {
                l.post(v.port(), ++key);
            } else if (v.phase() == Phase.BLOCKED) {
                if (r < 50) {
                    l.unblock(t);
                } else {
                    l.post(main, ++key);
                }
            } else if (r < 25) {
                l.post(main, ++key);
            } else if (r < 30) {
                l.post(dummy, ++key);
            } else if (r < 55) {
                l.dequeue(t, main, rnd.nextBoolean() ? Wait.ZERO : Wait.INFINITE);
            } else if (r < 65) {
                l.poll(t, main, 1 + rnd.nextInt(3), rnd.nextBoolean() ? Wait.ZERO : Wait.INFINITE);
            } else if (r < 75) {
                l.dequeue(t, dummy, Wait.ZERO); // R31: dissociate from the main port
            } else if (r < 80) {
                l.dequeue(t, dummy, Wait.INFINITE);
            } else if (blocks) {
                l.block(t);
            } else {
                l.post(main, ++key);
            }
        }
        l.finish();
    }
}
