package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** @SimProperty, run through the JUnit platform as a user's test class would be. */
class SimPropertyExtensionTest {
    private static final String ENABLE = "iocp4j.sim.extension-examples";
    static final AtomicInteger RUNS = new AtomicInteger();

    /** The user's test class; enabled only while these tests launch it. */
    @EnabledIfSystemProperty(named = ENABLE, matches = "true")
    static class Examples {
        @SimProperty(seeds = 50)
        void lostUpdate(Sim sim) throws Exception {
            StrategyTest.lostUpdate().run(sim);
        }

        @SimProperty(seeds = 20)
        void passes(Sim sim) {
            RUNS.incrementAndGet();
            sim.busy();
        }

        @SimProperty(mode = SimProperty.Mode.EXHAUSTIVE, maxThreads = 3, maxSteps = 12)
        void everyInterleaving(Sim sim) {
            RUNS.incrementAndGet();
            List<String> log = new ArrayList<>();
            Thread a = sim.start("a", () -> log.add("a"));
            Thread b = sim.start("b", () -> log.add("b"));
            sim.join(a);
            sim.join(b);
        }

        @SimProperty(seeds = 10, mode = SimProperty.Mode.PCT, depth = 2)
        void pct(Sim sim) {
            RUNS.incrementAndGet();
        }
    }

    private static EngineExecutionResults launch(String method) {
        RUNS.set(0);
        System.setProperty(ENABLE, "true");
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(Examples.class, method, Sim.class.getName()))
                    .execute();
        } finally {
            System.clearProperty(ENABLE);
        }
    }

    private static List<String> reports(EngineExecutionResults r) {
        return r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("iocp4j.sim"))
                .toList();
    }

    @Test
    void failingPropertyFailsTheTestWithTokensAndTheShrunkTrace() {
        EngineExecutionResults r = launch("lostUpdate");
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = r.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        PropertyFailure f = assertInstanceOf(PropertyFailure.class, t);
        assertTrue(f.getMessage().startsWith("property 'Examples.lostUpdate' failed on run "), f.getMessage());
        assertTrue(f.getMessage().contains("-Diocp4j.sim.replay=sim1/rw/seed="), f.getMessage());
    }

    @Test
    void passingPropertyRunsEverySeedAndReportsIt() {
        EngineExecutionResults r = launch("passes");
        r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(20, RUNS.get());
        assertEquals(List.of("property 'Examples.passes' passed 20 seeds (20 steps, at most 0 choice points per run)"),
                reports(r));
    }

    @Test
    void exhaustivePropertyReportsTheSchedulesItCovered() {
        EngineExecutionResults r = launch("everyInterleaving");
        r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Set<String> lines = new HashSet<>(reports(r));
        assertTrue(lines.iterator().next().contains("covered all " + RUNS.get() + " distinct schedules"), lines.toString());
    }

    @Test
    void pctPropertyRuns() {
        launch("pct").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(10, RUNS.get());
    }
}
