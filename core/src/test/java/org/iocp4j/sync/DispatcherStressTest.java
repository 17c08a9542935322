package org.iocp4j.sync;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.iocp4j.sync.Waits.WAIT_OBJECT_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many real threads on a few objects: nothing is taken twice, no wake-up is lost, and every
 * object ends as it started. Sizes are small so the test stays fast on two cores.
 */
class DispatcherStressTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 500;

    @FunctionalInterface
    private interface Round {
        void run(int thread, int round) throws Exception;
    }

    private static void runThreads(Round round) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    for (int r = 0; r < ROUNDS; r++) {
                        round.run(id, r);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertNull(failure.get());
    }

    @Test
    void waitAllAndWaitAnyNeverTakeASemaphoreTwice() throws Exception {
        Semaphore a = new Semaphore(1, 1);
        Semaphore b = new Semaphore(1, 1);
        AtomicInteger holdA = new AtomicInteger();
        AtomicInteger holdB = new AtomicInteger();
        runThreads((t, r) -> {
            switch ((t + r) % 3) {
                case 0 -> {
                    assertEquals(WAIT_OBJECT_0, Waits.waitAll(10, SECONDS, a, b));
                    assertEquals(1, holdA.incrementAndGet());
                    assertEquals(1, holdB.incrementAndGet());
                    holdA.decrementAndGet();
                    holdB.decrementAndGet();
                    b.release();
                    a.release();
                }
                case 1 -> {
                    int got = Waits.waitAny(10, SECONDS, a, b);
                    Semaphore s = got == WAIT_OBJECT_0 ? a : b;
                    AtomicInteger hold = got == WAIT_OBJECT_0 ? holdA : holdB;
                    assertEquals(1, hold.incrementAndGet());
                    hold.decrementAndGet();
                    s.release();
                }
                default -> {
                    assertEquals(WAIT_OBJECT_0, b.waitFor(10, SECONDS));
                    assertEquals(1, holdB.incrementAndGet());
                    holdB.decrementAndGet();
                    b.release();
                }
            }
        });
        assertEquals(1, a.currentCount());
        assertEquals(1, b.currentCount());
        assertEquals(0, a.waitingThreads() + b.waitingThreads());
    }

    @Test
    void nestedMutexExcludesAndIsFreeAfterward() throws Exception {
        Mutex m = new Mutex(false);
        int[] counter = {0};
        runThreads((t, r) -> {
            assertEquals(WAIT_OBJECT_0, m.waitFor(10, SECONDS));
            assertEquals(WAIT_OBJECT_0, m.waitFor(0, SECONDS));
            counter[0]++; // guarded by m
            m.release();
            m.release();
        });
        assertEquals(WAIT_OBJECT_0, m.waitFor(0, SECONDS));
        assertEquals(THREADS * ROUNDS, counter[0]);
        m.release();
    }

    @Test
    void autoResetEventsLoseNoWakeUp() throws Exception {
        Event ping = Event.autoReset(false);
        Event pong = Event.autoReset(false);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                for (int i = 0; i < ROUNDS * THREADS; i++) {
                    assertEquals(WAIT_OBJECT_0, ping.waitFor(10, SECONDS));
                    pong.set();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        for (int i = 0; i < ROUNDS * THREADS; i++) {
            ping.set();
            assertEquals(WAIT_OBJECT_0, pong.waitFor(10, SECONDS), "round " + i);
        }
        other.join();
        assertNull(failure.get());
        assertEquals(false, ping.isSignaled() || pong.isSignaled());
    }
}
