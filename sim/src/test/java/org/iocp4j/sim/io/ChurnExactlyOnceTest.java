package org.iocp4j.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iocp4j.sim.PropertyReport;
import org.iocp4j.sim.PropertyRunner;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.junit.jupiter.api.Test;

/**
 * Exactly once, under churn, on the simulator: {@link Churn#WORKERS} workers x
 * {@link Churn#CONNECTIONS_PER_WORKER} connections per seed (1,000 connections and 2,000 sockets,
 * as the real-socket version opens; 200 seeds take about 7 s),
 * each worker writing, reading, cancelling and closing at random while every fault is injected.
 * No packet lost, none duplicated, no handle leaked, on every seed.
 */
class ChurnExactlyOnceTest {
    static final SimIoOptions FAULTS = SimIoOptions.builder()
            .socketBuffer(4 << 10) // small, so writes wait for room and are cancelled or aborted waiting
            .resets(0.01)
            .shortReads(0.3)
            .delays(0.1, Duration.ofMillis(2))
            .cancelRaces(0.1)
            .build();

    private long operations;
    private long packets;
    private long syncFailures;
    private long cancels;
    private long resets;
    private long shortReads;
    private long delays;
    private long cancelRaces;
    private long connections;
    private long skipped;
    private long bytes;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void everyOperationGetsExactlyOnePacketOver200Seeds() {
        PropertyReport report = PropertyRunner.of(sim -> {
            Churn churn = new Churn(sim);
            List<String> problems = churn.run();
            assertEquals(List.of(), problems, "exactly once");
            assertEquals(churn.operationsExpectingPackets(), churn.packetsDequeued, "operations issued vs packets");
            SimIoStats s = sim.io().stats();
            assertEquals(0, s.handlesOpen(), "no handle leaked");
            churn.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
            operations += churn.operationsExpectingPackets();
            packets += churn.packetsDequeued;
            syncFailures += churn.syncFailures;
            cancels += churn.cancelsThatHit;
            skipped += churn.skippedAtOnce;
            resets += s.resets();
            shortReads += s.shortReads();
            delays += s.delays();
            cancelRaces += s.cancelRaces();
            connections += s.connections();
            bytes += s.bytesDelivered();
        }).name("exactly once under churn").seeds(200).options(SimOptions.builder().io(FAULTS).build()).check();
        System.out.printf("%d runs (200 seeds unless -Diocp4j.sim.seeds says otherwise): %d connections, %d bytes delivered, %d operations, %d packets, %d synchronous"
                + " failures, %d cancels that hit, %d done at once in skip mode (no packet); faults: %d resets, %d short reads, %d delays, %d cancel races%n",
                report.runs(), connections, bytes, operations, packets, syncFailures, cancels, skipped, resets, shortReads,
                delays, cancelRaces);
        System.out.println("packets by operation and result: " + outcomes);
        assertEquals(operations, packets);
        assertTrue(skipped > 0, "some operations were done at once in skip mode (R56)");
        assertTrue(resets > 0 && shortReads > 0 && delays > 0 && cancelRaces > 0 && cancels > 0,
                "every fault, and the workers' own cancels, happened somewhere");
    }

    @Test
    void theCheckSeesADuplicatedPacket() {
        Sim.run(SimOptions.builder().seed(3).io(FAULTS).build(), sim -> {
            Churn churn = new Churn(sim);
            churn.plantDuplicate = true;
            List<String> problems = churn.run();
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("duplicate")), problems.toString());
        }).assertPassed();
    }
}
