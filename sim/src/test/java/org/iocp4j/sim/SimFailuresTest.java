package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

/** Everything that stops a run, and every misuse: a clear error, never a hang. */
class SimFailuresTest {

    private static SimulationException stopped(SimResult r, SimulationException.Kind kind) {
        SimulationException e = assertInstanceOf(SimulationException.class, r.failure(), r.describe());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("replay with -Diocp4j.sim.replay=" + r.token()), e.getMessage());
        return e;
    }

    @Test
    void deadlockReportsWhoWaitsOnWhatAndTheTrace() {
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            Thread w = sim.start("worker", () -> port.dequeue(new CompletionEntry()));
            sim.join(w);
        });
        String m = stopped(r, SimulationException.Kind.DEADLOCK).getMessage();
        assertTrue(m.contains("every simulated thread waits and no timer is pending"), m);
        assertTrue(m.matches("(?s).*main +waits until worker ends, which cannot happen.*"), m);
        assertTrue(m.matches("(?s).*worker +parked on port1 with no timeout.*"), m);
        assertTrue(m.contains("last 40 events") && m.contains("WAIT       port1"), m);
    }

    @Test
    void awaitUntilThatCanNeverHoldIsADeadlockNamingTheCondition() {
        SimResult r = Sim.run(1, sim -> sim.awaitUntil("the moon turns blue", () -> false));
        assertTrue(stopped(r, SimulationException.Kind.DEADLOCK).getMessage().contains("the moon turns blue"));
    }

    @Test
    void spinLoopHitsTheStepBudget() {
        SimResult r = Sim.run(SimOptions.builder().maxSteps(500).build(), sim -> {
            while (true) {
                sim.busy();
            }
        });
        assertTrue(stopped(r, SimulationException.Kind.STEP_BUDGET).getMessage().contains("maxSteps=500"));
        assertEquals(500, r.steps() - 1);
    }

    @Test
    void longWaitHitsTheTimeBudget() {
        SimResult r = Sim.run(SimOptions.builder().maxTime(Duration.ofMinutes(1)).build(),
                sim -> Sleep.sleep(Duration.ofHours(2)));
        assertTrue(stopped(r, SimulationException.Kind.TIME_BUDGET).getMessage().contains("main's at t=7200000.000ms"));
    }

    @Test
    void threadBlockedWhereTheSimulatorCannotSeeIsAStallWithItsStack() {
        CountDownLatch never = new CountDownLatch(1);
        SimResult r = Sim.run(SimOptions.builder().stallTimeout(Duration.ofMillis(200)).build(), sim -> {
            never.await(1, TimeUnit.SECONDS); // a real wait the simulator cannot see
            sim.busy();
        });
        String m = stopped(r, SimulationException.Kind.STALL).getMessage();
        assertTrue(m.contains("simulated thread main ran for more than"), m);
        assertTrue(m.contains("CountDownLatch.await"), m);
    }

    @Test
    void monitorHeldAcrossAPortCallIsReportedAsAStall() {
        Object lock = new Object();
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            Thread holder = sim.start("holder", () -> {
                synchronized (lock) {
                    port.dequeue(new CompletionEntry()); // waits while holding the monitor
                }
            });
            sim.awaitUntil("holder waits", () -> port.stats().waitingThreads() == 1);
            synchronized (lock) { // blocks in the JVM: holder cannot run to release it
                port.post(1, 0, null);
            }
            sim.join(holder);
        });
        String m = stopped(r, SimulationException.Kind.STALL).getMessage();
        assertTrue(m.contains("simulated thread main") && m.contains("(it is BLOCKED)"), m);
        assertTrue(m.contains("monitor or JDK lock held by another simulated thread"), m);
    }

    @Test
    void exceptionInAThreadFailsTheRunWithThatException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        SimResult r = Sim.run(1, sim -> {
            Thread w = sim.start("worker", () -> {
                throw boom;
            });
            sim.join(w);
        });
        assertSame(boom, r.failure());
        assertEquals("worker", r.failedThread());
        assertTrue(r.trace().events().stream().anyMatch(e -> e.kind() == TraceEvent.Kind.FAIL && e.thread().equals("worker")));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, r::rethrowFailure);
        assertSame(boom, thrown);
        assertTrue(Arrays.stream(thrown.getSuppressed()).anyMatch(s -> s.getMessage().contains("FAIL")));
        AssertionError asserted = assertThrows(AssertionError.class, r::assertPassed);
        assertTrue(asserted.getMessage().contains("worker threw java.lang.IllegalStateException: boom"));
    }

    @Test
    void simApiFromAThreadTheSimulatorDoesNotRunIsAClearError() throws Exception {
        IllegalStateException outside = assertThrows(IllegalStateException.class, Sim::current);
        assertTrue(outside.getMessage().contains("which no simulation runs"), outside.getMessage());

        AtomicReference<Sim> kept = new AtomicReference<>();
        AtomicReference<CompletionPort> port = new AtomicReference<>();
        AtomicReference<Throwable> fromRealThread = new AtomicReference<>();
        Sim.run(1, sim -> {
            kept.set(sim);
            port.set(sim.openPort(1));
            Thread real = new Thread(() -> {
                try {
                    port.get().post(1, 0, null);
                } catch (Throwable t) {
                    fromRealThread.set(t);
                }
            });
            real.start();
            real.join();
        }).assertPassed();
        assertInstanceOf(IllegalStateException.class, fromRealThread.get());
        assertTrue(fromRealThread.get().getMessage().contains("CompletionPort.post on a simulated port was called from"
                + " thread"), fromRealThread.get().getMessage());
        IllegalStateException start = assertThrows(IllegalStateException.class,
                () -> kept.get().start("late", () -> { }));
        assertTrue(start.getMessage().contains("Sim.start was called from thread"), start.getMessage());
        assertThrows(IllegalStateException.class, () -> port.get().dequeue(new CompletionEntry(), 0, TimeUnit.SECONDS));
        port.get().close(); // clean-up after the run is allowed
        assertTrue(port.get().isClosed());
    }

    @Test
    void conditionThatCallsThePortFailsTheRun() {
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            sim.awaitUntil("a packet", () -> port.dequeue(new CompletionEntry(), 0, TimeUnit.SECONDS).hasPacket());
        });
        assertInstanceOf(IllegalStateException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("a condition may only read state"), r.failure().getMessage());
    }

    @Test
    void simulationsDoNotNest() {
        SimResult r = Sim.run(1, sim -> Sim.run(2, inner -> { }));
        assertInstanceOf(IllegalStateException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("simulations do not nest"));
    }

    @Test
    void joiningAForeignThreadIsAClearError() {
        SimResult r = Sim.run(1, sim -> sim.join(new Thread(() -> { })));
        assertInstanceOf(IllegalArgumentException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("is not a thread of this simulation"));
    }

    @Test
    void interruptEndsAWaitingDequeue() {
        AtomicReference<DequeueStatus> got = new AtomicReference<>();
        Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            Thread w = sim.start("worker", () -> got.set(port.dequeue(new CompletionEntry())));
            sim.awaitUntil("worker waits", () -> port.stats().waitingThreads() == 1);
            sim.interrupt(w);
            sim.join(w);
        }).assertPassed();
        assertEquals(DequeueStatus.INTERRUPTED, got.get());
    }
}
