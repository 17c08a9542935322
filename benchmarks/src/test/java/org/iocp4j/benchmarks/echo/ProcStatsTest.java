package org.iocp4j.benchmarks.echo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Switches are counted thread by thread: one that ends inside the window takes only its own growth away. */
class ProcStatsTest {

    @Test
    void aThreadThatEndsBetweenTwoSamplesCountsNothingRatherThanItsWholeLife() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "requires Linux (/proc)");
        long pid = ProcessHandle.current().pid();
        CountDownLatch switched = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().name("procstats-ends").start(() -> {
            for (int i = 0; i < 2_000; i++) {
                LockSupport.parkNanos(1_000); // each a voluntary switch
            }
            switched.countDown();
            try {
                sampled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        switched.await();
        ProcStats before = ProcStats.of(pid, 100);
        assertTrue(before.switchesByThread().getOrDefault("procstats-ends", 0L) >= 1_000,
                () -> "the thread's switches: " + before.switchesByThread());
        sampled.countDown();
        t.join();
        ProcStats growth = ProcStats.of(pid, 100).minus(before);
        assertFalse(growth.switchesByThread().containsKey("procstats-ends"), () -> growth.switchesByThread().toString());
        assertTrue(growth.contextSwitches() >= 0, () -> "negative: " + growth.contextSwitches());
    }
}
