package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.junit.jupiter.api.Test;

/** The check that runs after every suite test reports what it promises, and cleans up. */
class LedgerTest {
    private final Harness harness = new RealThreadHarness(Duration.ofSeconds(10));
    private final Ledger ledger = new Ledger();
    private String brokenInvariant;

    private final BackendFixture fixture = new BackendFixture() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public CompletionPort open(PortOptions options) {
            return CompletionPorts.open("java", options);
        }

        @Override
        public PortCapabilities capabilities() {
            return new PortCapabilities(true, true, true, true, false, true, true);
        }

        @Override
        public Harness harness() {
            return harness;
        }

        @Override
        public String invariantViolation(CompletionPort port) {
            return brokenInvariant;
        }
    };

    private CheckedPort open(CompletionPort p) {
        return ledger.add(new CheckedPort(p, "port#1", fixture::invariantViolation));
    }

    private static boolean mentions(List<String> problems, String text) {
        return problems.stream().anyMatch(p -> p.contains(text));
    }

    @Test
    void cleanTestHasNoProblems() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        ScriptedThread a = ledger.add(new ScriptedThread("A", harness));
        port.post(1, 0, null);
        assertEquals(1, a.dequeue(port).key());
        port.close();
        assertEquals(List.of(), ledger.finish(fixture));
        assertFalse(a.thread().isAlive(), "idle scripted threads are ended");
    }

    @Test
    void portLeftOpenIsReportedAndClosed() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        assertTrue(mentions(ledger.finish(fixture), "port#1 was left open"));
        assertTrue(port.isClosed());
    }

    @Test
    void brokenInvariantIsReported() {
        open(fixture.open(PortOptions.withConcurrency(1))).close();
        brokenInvariant = "activeCount 3 but 2 associated threads are active";
        assertTrue(mentions(ledger.finish(fixture), "breaks an invariant: activeCount 3"));
    }

    @Test
    void invariantBrokenBeforeTheCloseIsReported() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        brokenInvariant = "stranded packet";
        port.close();
        brokenInvariant = null;
        assertTrue(mentions(ledger.finish(fixture), "broke an invariant just before its close: stranded packet"));
    }

    @Test
    void threadStillInAStepIsReportedAndReleased() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        ScriptedThread a = ledger.add(new ScriptedThread("A", harness));
        a.dequeue(port);
        harness.awaitUntil("A waits", () -> port.stats().waitingThreads() == 1);
        List<String> problems = ledger.finish(fixture);
        assertTrue(mentions(problems, "thread A is still in 'A: dequeue"), problems.toString());
        assertFalse(a.thread().isAlive(), "the close released it and it ended");
    }

    @Test
    void failureNobodyLookedAtIsReported() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        ScriptedThread a = ledger.add(new ScriptedThread("A", harness));
        Call c = a.run("fail", () -> {
            throw new IllegalStateException("boom");
        });
        harness.awaitUntil("the step ends", c::isDone);
        port.close();
        assertTrue(mentions(ledger.finish(fixture), "'A: fail' threw java.lang.IllegalStateException: boom"));
    }

    @Test
    void packetRemovedTwiceIsReported() {
        CheckedPort port = open(new EchoPort(false));
        port.post(5, 0, null);
        CompletionEntry e = new CompletionEntry();
        port.dequeue(e, 0, TimeUnit.MILLISECONDS);
        port.dequeue(e, 0, TimeUnit.MILLISECONDS);
        port.close();
        List<String> problems = ledger.finish(fixture);
        assertTrue(mentions(problems, "posted 1 time(s) but removed 2 time(s)"), problems.toString());
    }

    @Test
    void packetLostIsReported() {
        CheckedPort port = open(new EchoPort(true));
        port.post(5, 0, null);
        port.close();
        List<String> problems = ledger.finish(fixture);
        assertTrue(mentions(problems, "1 packet(s) lost"), problems.toString());
    }

    @Test
    void packetsDroppedByTheCloseAreNotLost() {
        CheckedPort port = open(fixture.open(PortOptions.withConcurrency(1)));
        port.post(1, 0, null);
        port.post(2, 0, null);
        port.close();
        assertEquals(List.of(), ledger.finish(fixture), "R38: queued at the close, so accounted for");
    }

    /**
     * A broken port: every dequeue returns the last posted packet again; if {@code forgets}, a post
     * is dropped and the port claims an empty queue.
     */
    private static final class EchoPort implements CompletionPort {
        private final boolean forgets;
        private long key = -1;
        private boolean closed;

        EchoPort(boolean forgets) {
            this.forgets = forgets;
        }

        @Override
        public String backend() {
            return "echo";
        }

        @Override
        public PortCapabilities capabilities() {
            return new PortCapabilities(false, false, false, false, false, false, false);
        }

        @Override
        public int concurrency() {
            return 1;
        }

        @Override
        public void post(long k, int bytes, Object overlapped) {
            if (!forgets) {
                key = k;
            }
        }

        @Override
        public DequeueStatus dequeue(CompletionEntry into) {
            return dequeue(into, 0, TimeUnit.MILLISECONDS);
        }

        @Override
        public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
            if (key < 0) {
                into.clearPacket();
                return DequeueStatus.TIMEOUT;
            }
            into.set(key, 0, null, 0);
            return DequeueStatus.COMPLETED;
        }

        @Override
        public DequeueStatus poll(CompletionHandler handler, int limit) {
            return DequeueStatus.TIMEOUT;
        }

        @Override
        public DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit) {
            return DequeueStatus.TIMEOUT;
        }

        @Override
        public PortStats stats() {
            return new PortStats(1, PortStats.UNKNOWN, 0, PortStats.UNKNOWN, PortStats.UNKNOWN);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
