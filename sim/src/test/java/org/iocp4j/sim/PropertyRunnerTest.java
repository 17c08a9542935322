package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

    @Test
    void findsShrinksAndPrintsTokensThatReplayTheFailure() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> PropertyRunner.of(StrategyTest.lostUpdate()).name("lost update").seeds(100).check());
        String m = f.getMessage();
        assertTrue(m.startsWith("property 'lost update' failed on run "), m);
        assertTrue(m.contains("replay the failing run: -Diocp4j.sim.replay=" + f.original().token()), m);
        assertTrue(m.contains("replay the shrunk case: -Diocp4j.sim.replay=" + f.shrunkToken()), m);
        assertTrue(m.contains("shrunk trace:") && m.contains("SWITCH"), m);
        assertTrue(f.shrunkToken().decisionCount() <= 2, m);
        assertInstanceOf(AssertionError.class, f.getCause());

        PropertyFailure again = assertThrows(PropertyFailure.class,
                () -> PropertyRunner.of(StrategyTest.lostUpdate()).replay(f.shrunkToken()));
        assertEquals(f.shrunk().trace().hash(), again.original().trace().hash());
    }

    @Test
    void replayPropertyRunsOnlyThatToken() {
        AtomicInteger runs = new AtomicInteger();
        System.setProperty(PropertyRunner.REPLAY_PROPERTY, "sim1/rw/seed=9");
        try {
            PropertyReport r = PropertyRunner.of(sim -> runs.incrementAndGet()).seeds(50).check();
            assertEquals("replay", r.mode());
        } finally {
            System.clearProperty(PropertyRunner.REPLAY_PROPERTY);
        }
        assertEquals(1, runs.get());
    }

    @Test
    void passingPropertyReportsItsSeeds() {
        AtomicInteger runs = new AtomicInteger();
        PropertyReport r = PropertyRunner.of(sim -> runs.incrementAndGet()).seeds(25).check();
        assertEquals(25, r.runs());
        assertEquals(25, runs.get());
        assertTrue(r.describe().contains("passed 25 seeds"));
    }

    @Test
    void aSeedsPropertyThatIsNotAWholeNumberOfAtLeastOneIsRefusedBeforeAnyRun() {
        for (String bad : List.of("0", "-5", "ten", "1.5")) {
            AtomicInteger runs = new AtomicInteger();
            System.setProperty(PropertyRunner.SEEDS_PROPERTY, bad);
            try {
                PropertyRunner runner = PropertyRunner.of(sim -> {
                    runs.incrementAndGet();
                    throw new AssertionError("always fails");
                });
                String m = assertThrows(IllegalArgumentException.class, runner::check, bad).getMessage();
                assertTrue(m.contains("-Diocp4j.sim.seeds=" + bad) && m.contains(">= 1"), m);
            } finally {
                System.clearProperty(PropertyRunner.SEEDS_PROPERTY);
            }
            assertEquals(0, runs.get(), bad + " ran nothing: a failing property cannot pass on zero seeds");
        }
    }

    @Test
    void aSeedsPropertyReplacesTheRunnersCount() {
        AtomicInteger runs = new AtomicInteger();
        System.setProperty(PropertyRunner.SEEDS_PROPERTY, " 7 ");
        try {
            assertEquals(7, PropertyRunner.of(sim -> runs.incrementAndGet()).seeds(50).check().runs());
        } finally {
            System.clearProperty(PropertyRunner.SEEDS_PROPERTY);
        }
        assertEquals(7, runs.get());
    }

    @Test
    void shrinksTheActionListToTheOneThatMatters() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(sim -> {
            List<Integer> actions = sim.actions(30, r -> r.nextInt(100));
            for (int a : actions) {
                sim.busy();
                if (a >= 97) {
                    throw new IllegalStateException("bad action " + a);
                }
            }
        }).seeds(200).check());
        int[] kept = f.shrunkToken().keptActions();
        assertEquals(1, kept.length, f.getMessage());
        assertEquals(0, f.shrunkToken().decisionCount(), f.getMessage());
        assertTrue(f.getMessage().contains("to 1 of 30 actions and 0 scheduling decisions"), f.getMessage());
        assertArrayEquals(kept, ReplayToken.parse(f.shrunkToken().toString()).keptActions());
    }

    @Test
    void aScenarioThatIsNotAFunctionOfItsSeedIsCalledOut() {
        AtomicInteger calls = new AtomicInteger();
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(sim -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("only once");
            }
        }).seeds(10).check());
        assertTrue(f.getMessage().contains("did NOT fail again when replayed"), f.getMessage());
    }

    @Test
    void aStallIsReportedFromTheRunThatFoundItAndNotShrunkSinceReplaysCostRealTime() {
        AtomicInteger runs = new AtomicInteger();
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(sim -> {
            runs.incrementAndGet();
            org.iocp4j.CompletionPort port = sim.openPort(2);
            Thread w = sim.start("worker", () -> port.post(1, 0, null)); // choice points a shrinker would try
            port.post(2, 0, null);
            sim.join(w);
            Thread.sleep(400); // the thing under test: a real wait the simulator cannot see, stalled after 20 ms
            sim.busy();
        }).options(SimOptions.builder().stallTimeout(Duration.ofMillis(20)).build()).seeds(5).check());
        assertEquals(1, runs.get(), "no replay after the run that stalled");
        assertEquals(SimulationException.Kind.STALL, assertInstanceOf(SimulationException.class, f.getCause()).kind());
        assertSame(f.original(), f.shrunk());
        String m = f.getMessage();
        assertTrue(m.contains("replay the failing run: -Diocp4j.sim.replay=" + f.original().token()), m);
        assertTrue(m.contains("not shrunk: a STALL depends on real time"), m);
        assertFalse(m.contains("shrunk case") || m.contains("shrunk trace"), m);
    }

    @Test
    void deadlocksAreShrunkAsDeadlocks() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(sim -> {
            org.iocp4j.CompletionPort port = sim.openPort(1);
            boolean[] posted = {false};
            Thread w = sim.start("worker", () -> {
                if (!posted[0]) {
                    port.dequeue(new org.iocp4j.CompletionEntry()); // waits for a packet already taken
                }
            });
            sim.busy();
            posted[0] = true;
            sim.join(w);
        }).seeds(100).check());
        SimulationException e = assertInstanceOf(SimulationException.class, f.shrunk().failure());
        assertEquals(SimulationException.Kind.DEADLOCK, e.kind());
        assertNull(f.shrunk().failedThread());
    }
}
