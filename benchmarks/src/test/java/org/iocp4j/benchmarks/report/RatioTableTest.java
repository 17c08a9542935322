package org.iocp4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    /** One JMH result element: primary (all threads) and producer rates, with profiler norms per op. */
    private static String run(String benchmark, String params, double all, double produced, double bytesPerOp,
            double switchesPerOp) {
        return """
                {"jmhVersion" : "1.37", "benchmark" : "org.iocp4j.benchmarks.%s", "forks" : 3,
                 "jdkVersion" : "25", "vmName" : "VM", "warmupIterations" : 5, "warmupTime" : "1 s",
                 "measurementIterations" : 5, "measurementTime" : "2 s", "params" : {%s},
                 "primaryMetric" : {"score" : %s, "scoreError" : "NaN", "scoreUnit" : "ops/s"},
                 "secondaryMetrics" : {
                   "produce1x1" : {"score" : %s, "scoreError" : %s},
                   "gc.alloc.rate.norm" : {"score" : %s, "scoreError" : "NaN"},
                   "ctxsw.norm" : {"score" : %s, "scoreError" : "NaN"}}}
                """.formatted(benchmark, params, all, produced, produced / 10, bytesPerOp, switchesPerOp);
    }

    private static List<Measurement> sample() {
        String json = "[" + String.join(",",
                run("PortHandoff.p1c1", "\"api\" : \"dequeue\"", 40e6, 20e6, 0.0, 0.001),
                run("QueueHandoff.p1c1", "\"queue\" : \"ArrayBlockingQueue\"", 20e6, 10e6, 1.0, 0.01),
                run("QueueHandoff.p1c1", "\"queue\" : \"LinkedBlockingQueue\"", 10e6, 5e6, 12.0, 0.0),
                // an executor group has only the producer, so its primary score is the item rate
                """
                {"benchmark" : "org.iocp4j.benchmarks.ExecutorHandoff.p1c1", "params" : {"executor" : "ThreadPoolExecutor"},
                 "primaryMetric" : {"score" : 8e6, "scoreError" : 4e5},
                 "secondaryMetrics" : {"gc.alloc.rate.norm" : {"score" : 24.0}, "ctxsw.norm" : {"score" : 0.002}}}
                """) + "]";
        return Measurement.all(Json.parse(json));
    }

    @Test
    void itemsAreTheProducerRateAndNormsBecomePerItem() {
        RatioTable t = new RatioTable(sample());
        Measurement lbq = t.find("LinkedBlockingQueue", "p1c1");
        assertEquals(5e6, lbq.items());
        assertEquals(24.0, lbq.bytesPerItem(), 1e-9); // 12 B per op, two ops (put, take) per item
        Measurement tpe = t.find("ThreadPoolExecutor", "p1c1");
        assertEquals(8e6, tpe.items());
        assertEquals(24.0, tpe.bytesPerItem(), 1e-9);
        assertEquals(0.05, tpe.itemsError() / tpe.items(), 1e-9);
    }

    @Test
    void ratiosDivideByTheSameRunsPeers() {
        String md = new RatioTable(sample()).render();
        // port 20 M against ABQ 10 M and TPE 8 M
        assertTrue(md.contains("| iocp4j port, dequeue | 20.00 M ±10% | 2.00 | 2.50 |"), md);
        assertTrue(md.contains("| ArrayBlockingQueue | 10.00 M ±10% | 1.00 | 1.25 |"), md);
        assertTrue(md.contains("| ThreadPoolExecutor | 8.00 M ±5% | 0.80 | 1.00 |"), md);
    }

    @Test
    void targetsSayMetOrMissed() {
        String md = new RatioTable(sample()).render();
        assertTrue(md.contains("iocp4j port, dequeue: no allocation per item (< 0.5 B): **met**"), md);
        assertTrue(md.contains("iocp4j port, dequeue: throughput at least ArrayBlockingQueue's: **met** (ratio 1x1 2.00)"), md);
        // 0.001 per op is 0.002 per item: not fewer than the executor's 0.002
        assertTrue(md.contains("fewer context switches per item than ThreadPoolExecutor: **missed**"), md);
    }

    @Test
    void targetsWithoutPeersAreNotMeasured() {
        List<Measurement> portOnly = sample().stream().filter(m -> m.channel().startsWith("iocp4j")).toList();
        String md = new RatioTable(portOnly).render();
        assertTrue(md.contains("throughput at least ArrayBlockingQueue's: not measured"), md);
        assertTrue(md.contains("than ThreadPoolExecutor: not measured"), md);
    }

    @Test
    void headerNamesForksAndIterations() {
        String h = RatioTable.header(Json.parse("[" + run("PortHandoff.p1c1", "", 1, 1, 0, 0) + "]"), "r.json", "noisy");
        assertTrue(h.startsWith("**noisy**"), h);
        assertTrue(h.contains("3 fork(s), warm-up 5 x 1 s, measurement 5 x 2 s"), h);
    }

    @Test
    void spliceReplacesOnlyBetweenTheMarkers() {
        String doc = "intro\n" + RatioTable.BEGIN + "\nold\n" + RatioTable.END + "\nafter\n";
        assertEquals("intro\n" + RatioTable.BEGIN + "\nnew\n" + RatioTable.END + "\nafter\n",
                RatioTable.splice(doc, "new\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RatioTable.splice("no markers", "x"));
        assertTrue(e.getMessage().contains(RatioTable.BEGIN), e.getMessage());
    }

    @Test
    void noSpinVariantsAreTheirOwnChannels() {
        List<Measurement> m = Measurement.all(Json.parse("[" + String.join(",",
                run("PortHandoffNoSpin.p2c2", "\"api\" : \"poll64\"", 2, 1, 0, 0),
                run("PortRoundTripNoSpin.roundTrip", "", 2, 1, 0, 0)) + "]"));
        assertEquals("iocp4j port, poll(64), spinTries=0", m.get(0).channel());
        assertEquals("p2c2", m.get(0).shape());
        assertEquals("iocp4j port, dequeue, spinTries=0", m.get(1).channel());
    }

    @Test
    void unknownBenchmarkIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Measurement.all(Json.parse(
                "[{\"benchmark\" : \"x.Other.p1c1\", \"primaryMetric\" : {\"score\" : 1}}]")));
        assertTrue(e.getMessage().contains("Other"), e.getMessage());
    }
}
