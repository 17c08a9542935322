package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StrategyTest {

    /** Two threads each log two steps around one scheduling point: 6 interleavings exist. */
    private static Sim.Scenario twoLoggers(Set<String> orders, AtomicInteger runs) {
        return sim -> {
            runs.incrementAndGet();
            List<String> log = new ArrayList<>();
            Thread a = sim.start("a", () -> {
                log.add("a1");
                sim.busy();
                log.add("a2");
            });
            Thread b = sim.start("b", () -> {
                log.add("b1");
                sim.busy();
                log.add("b2");
            });
            sim.join(a);
            sim.join(b);
            orders.add(String.join(" ", log));
        };
    }

    /** The classic lost update: read, a scheduling point, write. */
    static Sim.Scenario lostUpdate() {
        return sim -> {
            int[] counter = {0};
            Runnable inc = () -> {
                int v = counter[0];
                sim.busy();
                counter[0] = v + 1;
            };
            Thread a = sim.start("a", inc);
            Thread b = sim.start("b", inc);
            sim.join(a);
            sim.join(b);
            assertEquals(2, counter[0], "counter");
        };
    }

    @Test
    void exhaustiveCoversEveryInterleavingAndCountsDistinctSchedules() {
        Set<String> orders = new HashSet<>();
        AtomicInteger runs = new AtomicInteger();
        PropertyReport report = PropertyRunner.of(twoLoggers(orders, runs)).explore(3, 12);
        assertEquals(Set.of("a1 a2 b1 b2", "a1 b1 a2 b2", "a1 b1 b2 a2", "b1 a1 a2 b2", "b1 a1 b2 a2", "b1 b2 a1 a2"),
                orders);
        assertEquals("exhaustive", report.mode());
        assertEquals(runs.get(), report.runs());
        assertTrue(report.runs() >= 6, report.describe());
        assertTrue(report.describe().contains("covered all " + runs.get() + " distinct schedules"));
    }

    @Test
    void exhaustiveFindsTheLostUpdateAndShrinksIt() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(lostUpdate()).explore(3, 12));
        assertInstanceOf(AssertionError.class, f.shrunk().failure());
        assertTrue(f.shrunkToken().decisionCount() <= 2, f.getMessage());
        assertTrue(f.getMessage().contains("on schedule "), f.getMessage());
    }

    @Test
    void exhaustiveRefusesScenariosBeyondItsBounds() {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> PropertyRunner.of(twoLoggers(new HashSet<>(), new AtomicInteger())).explore(2, 12));
        assertTrue(threads.getMessage().contains("more than maxThreads=2"), threads.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> PropertyRunner.of(Scenarios::producersAndConsumers).explore(5, 12));
        assertTrue(steps.getMessage().contains("more than maxSteps=12"), steps.getMessage());
    }

    @Test
    void pctFindsTheLostUpdate() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> PropertyRunner.of(lostUpdate()).strategy(Strategy.pct(2)).seeds(200).check());
        assertTrue(f.original().token().strategy() instanceof Strategy.Pct, f.getMessage());
        assertTrue(f.shrunkToken().decisionCount() <= 2, f.getMessage());
    }

    @Test
    void pctIsAFunctionOfItsSeed() {
        SimOptions o = SimOptions.builder().seed(5).strategy(Strategy.pct(3, 500)).build();
        SimResult a = Sim.run(o, Scenarios::producersAndConsumers);
        SimResult b = Sim.run(o, Scenarios::producersAndConsumers);
        a.assertPassed();
        assertEquals(a.trace().hash(), b.trace().hash());
        assertEquals("sim1/pct3x500/seed=5", a.token().toString());
    }

    @Test
    void pctSpinLoopsDoNotStarveTheThreadTheyWaitFor() {
        for (long seed = 0; seed < 20; seed++) {
            SimResult r = Sim.run(SimOptions.builder().seed(seed).strategy(Strategy.pct(2, 50)).maxSteps(10_000).build(),
                    sim -> {
                        boolean[] flag = {false};
                        Thread spinner = sim.start("spinner", () -> {
                            while (!flag[0]) {
                                sim.busy();
                            }
                        });
                        sim.start("setter", () -> flag[0] = true);
                        sim.join(spinner);
                    });
            r.assertPassed();
        }
    }
}
