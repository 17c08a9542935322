package org.iocp4j.sync;

import static org.iocp4j.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionPorts;
import org.junit.jupiter.api.Test;

/** Blocking the library cannot see, reported by hand: Blocking.run/call and the ManagedBlocker bridge. */
class BlockingTest {

    /** A ManagedBlocker around a latch, counting its block() calls. */
    private static final class LatchBlocker implements ForkJoinPool.ManagedBlocker {
        final CountDownLatch latch = new CountDownLatch(1);
        final AtomicInteger blocks = new AtomicInteger();

        @Override
        public boolean block() throws InterruptedException {
            blocks.incrementAndGet();
            latch.await();
            return true;
        }

        @Override
        public boolean isReleasable() {
            return latch.getCount() == 0;
        }
    }

    private static void givesUpAndTakesBackTheSlot(PortScenario.Step block, CountDownLatch unblock) throws Exception {
        try (PortScenario s = new PortScenario(CompletionPorts.open(1)).start(block, true)) {
            s.go();
            await("B gets packet 2 while A blocks (R26)").until(() -> s.bKey.get() == 2);
            assertEquals(1, s.port.stats().activeThreads());
            unblock.countDown();
            await("A counts again, over the maximum (R27)").until(() -> s.port.stats().activeThreads() == 2);
        }
    }

    @Test
    void r26_r27_blockingRun() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        givesUpAndTakesBackTheSlot(() -> Blocking.run(latch::await), latch);
    }

    @Test
    void r26_r27_blockingCall() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        givesUpAndTakesBackTheSlot(() -> assertEquals("done", Blocking.call(() -> {
            latch.await();
            return "done";
        })), latch);
    }

    @Test
    void r26_r27_managedBlock() throws Exception {
        LatchBlocker blocker = new LatchBlocker();
        givesUpAndTakesBackTheSlot(() -> Blocking.managedBlock(blocker), blocker.latch);
        assertEquals(1, blocker.blocks.get());
    }

    @Test
    void r26_r27_reportingBlockerHandedToForkJoinPool() throws Exception {
        LatchBlocker blocker = new LatchBlocker();
        givesUpAndTakesBackTheSlot(() -> ForkJoinPool.managedBlock(Blocking.reporting(blocker)), blocker.latch);
        assertEquals(1, blocker.blocks.get());
    }

    @Test
    void managedBlock_thatIsReleasableAtOnce_reportsNothing() throws Exception {
        LatchBlocker blocker = new LatchBlocker();
        blocker.latch.countDown();
        AtomicInteger queuedAfter = new AtomicInteger(-1);
        try (PortScenario s = new PortScenario(CompletionPorts.open(1)).start(() -> {
            Blocking.managedBlock(blocker);
            queuedAfter.set(0);
        }, true)) {
            s.go();
            await().until(() -> queuedAfter.get() == 0);
            assertEquals(0, blocker.blocks.get());
            assertEquals(1, s.port.stats().queuedPackets(), "A never blocked, so B was not released");
            assertEquals(1, s.port.stats().activeThreads());
        }
    }

    @Test
    void r26_sleepOfZero_yieldsAndKeepsTheSlot() throws Exception {
        AtomicInteger sleptAt = new AtomicInteger(-1);
        try (PortScenario s = new PortScenario(CompletionPorts.open(1)).start(() -> {
            Sleep.sleep(java.time.Duration.ZERO);
            sleptAt.set(0);
        }, true)) {
            s.go();
            await().until(() -> sleptAt.get() == 0);
            assertEquals(1, s.port.stats().queuedPackets(), "Sleep(0) is no wait, so B was not released");
            assertEquals(1, s.port.stats().activeThreads());
            assertEquals(1, s.port.stats().waitingThreads());
        }
    }

    @Test
    void blockingOnAThreadWithoutAPort_justRunsTheCode() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Blocking.run(ran::incrementAndGet);
        assertEquals(1, ran.get());
        Blocking.managedBlock(new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean isReleasable() {
                return ran.get() == 2;
            }

            @Override
            public boolean block() {
                ran.incrementAndGet();
                return true;
            }
        });
        assertEquals(2, ran.get());
    }
}
