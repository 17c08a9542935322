package org.iocp4j.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortStats;
import org.iocp4j.sim.PropertyFailure;
import org.iocp4j.sim.PropertyReport;
import org.iocp4j.sim.PropertyRunner;
import org.iocp4j.sim.Sim;
import org.junit.jupiter.api.Test;

/**
 * The engine under the simulator against the conformance reference model: random actions (posts,
 * dequeues with zero, finite and infinite timeouts, batches, blocks and unblocks on kernel
 * objects, sleeps, dequeues on the other port, closes, thread starts and exits) played by three
 * concurrent workers, checked at every scheduling step ({@link ModelRun}). A failure prints the
 * replay token; {@code -Diocp4j.sim.replay=<token>} runs that one case.
 */
class ModelPropertyTest {
    private static final int SEEDS = 300;
    private static final int ACTIONS = 40;

    /** Situations the random actions must reach over the seeds, or the property proves little. */
    private static final List<String> MUST_COVER = List.of(
            "post handed to a waiter (R15)",
            "post handed to the most recent of several waiters (R14)",
            "dequeue returned COMPLETED with several packets",
            "dequeue returned TIMEOUT",
            "timer fired in a wait",
            "dequeue on another port than the thread's (R30)",
            "wait seen by the port (R26)",
            "queued packet released to a waiter by: blocks (R26)",
            "queued packet released to a waiter by: sleeps (R26)",
            "queued packet released to a waiter by: exits (R29)",
            "queued packet released to a waiter by: dequeue elsewhere (R30)",
            "over the maximum after a wait ended (R27)",
            "over the maximum after a timeout (R39)",
            "waiter abandoned by close (R33)",
            "packet dropped by close (R38)",
            "post rejected by a closed port (R19)",
            "dequeue returned INVALID_HANDLE",
            "thread started by a worker, which then exits");

    @Test
    void theEngineFollowsTheReferenceModelAtEveryStep() {
        Coverage coverage = new Coverage();
        PropertyReport r = PropertyRunner.of(ModelRun.scenario(ACTIONS, coverage, UnaryOperator.identity()))
                .name("the engine follows the reference model").seeds(SEEDS).check();
        System.out.println(r.describe() + "\n" + coverage);
        assertEquals(SEEDS, coverage.get("runs"));
        assertTrue(coverage.get("steps checked") >= r.steps() * 9 / 10,
                "the check ran at almost every step\n" + coverage);
        for (String situation : MUST_COVER) {
            assertTrue(coverage.get(situation) > 0, "never reached: " + situation + "\n" + coverage);
        }
    }

    /** The check itself: a port that loses a packet posted while a thread waits is caught and shrunk. */
    @Test
    void aPortThatLosesAPacketIsCaughtShrunkAndReplayed() {
        Sim.Scenario broken = ModelRun.scenario(ACTIONS, new Coverage(), LosingPort::new);
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> PropertyRunner.of(broken).name("a port that loses packets").seeds(SEEDS).check());
        String m = f.getMessage();
        System.out.println(m);
        assertTrue(m.contains("but the engine did not"), m);
        assertTrue(f.shrunkToken().keptActions().length <= 3, m);
        assertTrue(f.shrunkToken().decisionCount() <= 3, m);
        PropertyFailure again = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(broken)
                .shrinkRuns(0).replay(f.shrunkToken()));
        assertEquals(f.shrunk().trace().hash(), again.original().trace().hash(), m);
    }

    /** Drops a packet posted while a thread waits on the port: it should have been handed over (R15). */
    private record LosingPort(CompletionPort port) implements CompletionPort {
        @Override
        public void post(long key, int bytes, Object overlapped) {
            if (port.stats().waitingThreads() == 0) {
                port.post(key, bytes, overlapped);
            }
        }

        @Override
        public String backend() {
            return port.backend();
        }

        @Override
        public PortCapabilities capabilities() {
            return port.capabilities();
        }

        @Override
        public int concurrency() {
            return port.concurrency();
        }

        @Override
        public DequeueStatus dequeue(CompletionEntry into) {
            return port.dequeue(into);
        }

        @Override
        public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
            return port.dequeue(into, timeout, unit);
        }

        @Override
        public DequeueStatus poll(CompletionHandler handler, int limit) {
            return port.poll(handler, limit);
        }

        @Override
        public DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit) {
            return port.poll(handler, limit, timeout, unit);
        }

        @Override
        public PortStats stats() {
            return port.stats();
        }

        @Override
        public boolean isClosed() {
            return port.isClosed();
        }

        @Override
        public void close() {
            port.close();
        }
    }
}
