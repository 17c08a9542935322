package org.iocp4j.sync;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.iocp4j.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * The watchdog: while packets wait on a saturated port, associated threads seen BLOCKED, WAITING
 * or TIMED_WAITING (with watchThreadStates) or dead (R29) stop counting as active.
 */
class WatchdogTest {

    private static CompletionPort open(boolean watchThreadStates) {
        return CompletionPorts.open(PortOptions.builder().concurrency(1).watchdogPeriod(Duration.ofMillis(1))
                .watchThreadStates(watchThreadStates).build());
    }

    /** A blocks where iocp4j cannot see; the watchdog releases B to the packet and recounts A after. */
    private static void foreignBlockIsSeen(PortScenario.Step block, Runnable unblock, boolean bArrivesFirst)
            throws Exception {
        try (PortScenario s = new PortScenario(open(true)).start(block, bArrivesFirst)) {
            s.go();
            await("the watchdog sees A blocked and B gets packet 2").until(() -> s.bKey.get() == 2);
            unblock.run();
            await("A runs again and is counted again (R27)").until(() -> s.port.stats().activeThreads() == 2);
        }
    }

    @Test
    void threadBlockedOnAMonitor_isNotActive() throws Exception {
        Object monitor = new Object();
        AtomicInteger holding = new AtomicInteger();
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                holding.set(1);
                while (holding.get() == 1) {
                    Thread.yield();
                }
            }
        });
        holder.start();
        await().until(() -> holding.get() == 1);
        foreignBlockIsSeen(() -> {
            synchronized (monitor) { // BLOCKED
                monitor.notifyAll();
            }
        }, () -> holding.set(2), true);
        holder.join();
    }

    @Test
    void threadInObjectWait_isNotActive() throws Exception {
        Object monitor = new Object();
        AtomicInteger done = new AtomicInteger();
        foreignBlockIsSeen(() -> {
            synchronized (monitor) {
                while (done.get() == 0) {
                    monitor.wait(); // WAITING
                }
            }
        }, () -> {
            synchronized (monitor) {
                done.set(1);
                monitor.notifyAll();
            }
        }, true);
    }

    @Test
    void threadInAJdkLock_isNotActive_evenWhenTheWaiterComesAfterThePacket() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            foreignBlockIsSeen(() -> {
                lock.lock(); // WAITING (parked)
                lock.unlock();
            }, lock::unlock, false);
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    @Test
    void r29_deadAssociatedThreadStopsCounting() throws Exception {
        try (CompletionPort port = open(false)) {
            port.post(1, 0, null);
            Thread a = new Thread(() -> port.dequeue(new CompletionEntry(), 0, MILLISECONDS));
            a.start();
            a.join(); // ends associated and active
            assertEquals(1, port.stats().activeThreads(), "nobody has looked yet");
            CompletionEntry e = new CompletionEntry();
            port.post(2, 0, null);
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 10, SECONDS), "the watchdog found A dead");
            assertEquals(2, e.key());
            assertEquals(1, port.stats().associatedThreads());
        }
    }

    @Test
    void withoutWatchThreadStates_aForeignBlockKeepsTheSlot() throws Exception {
        Object monitor = new Object();
        AtomicInteger done = new AtomicInteger();
        try (CompletionPort port = open(false)) {
            port.post(1, 0, null);
            Thread a = new Thread(() -> {
                port.dequeue(new CompletionEntry(), 0, MILLISECONDS);
                synchronized (monitor) {
                    while (done.get() == 0) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException ex) {
                            return;
                        }
                    }
                }
            });
            a.start();
            await().until(() -> a.getState() == Thread.State.WAITING);
            port.post(2, 0, null);
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(new CompletionEntry(), 50, MILLISECONDS),
                    "A still counts: the packet stays queued (R23)");
            synchronized (monitor) {
                done.set(1);
                monitor.notifyAll();
            }
            a.join();
        }
    }
}
