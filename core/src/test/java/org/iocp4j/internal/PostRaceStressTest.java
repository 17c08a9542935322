package org.iocp4j.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Producers append under the put lock while consumers take, time out and start waiting under the
 * port's lock (EmulatedCompletionPort.append). On real threads: every packet is taken exactly
 * once; no packet stays queued beside a thread that waits without a timeout (the race between
 * "appended, any waiter?" and "waiting, any packet?" loses nothing); one consumer sees each
 * producer's packets in order (R48); the ring grows under both locks (it starts at 64 slots)
 * while producers run ahead.
 */
class PostRaceStressTest {
    private static final int PER_PRODUCER = 20_000;
    private static final long STOP = -1;

    @ParameterizedTest(name = "{0} producers, {1} consumers, concurrency {2}")
    @CsvSource({"1, 1, 1", "2, 2, 2", "2, 3, 1", "3, 2, 0"})
    void r15_r48_everyPacketIsTakenOnce_andNoneWaitsBesideAWaiter(int producers, int consumers, int concurrency)
            throws Exception {
        CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(concurrency));
        AtomicIntegerArray times = new AtomicIntegerArray(producers * PER_PRODUCER);
        AtomicLong taken = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int id = c;
            threads.add(new Thread(() -> consume(port, id, producers, consumers == 1, times, taken, failure)));
        }
        for (int p = 0; p < producers; p++) {
            long key = p;
            threads.add(new Thread(() -> {
                for (int seq = 0; seq < PER_PRODUCER; seq++) {
                    port.post(key, seq, null);
                }
            }));
        }
        threads.forEach(Thread::start);

        long total = (long) producers * PER_PRODUCER;
        // Consumers that wait without a timeout only end their wait with a packet: a packet left
        // queued beside them (a lost hand-off) would stop the count short of the total.
        await().atMost(Duration.ofSeconds(60)).until(() -> taken.get() == total || failure.get() != null);
        assertNull(failure.get());
        assertEquals(0, port.stats().queuedPackets());
        for (int c = 0; c < consumers; c++) {
            port.post(STOP, 0, null);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertEquals(false, t.isAlive(), t + " did not finish");
        }
        for (int i = 0; i < times.length(); i++) {
            assertEquals(1, times.get(i), "packet " + i + " taken " + times.get(i) + " times");
        }
        assertNull(((EmulatedCompletionPort) port).invariantViolation());
        port.close();
    }

    /**
     * One packet at a time, posted just as the consumer, which never spins, comes back to wait:
     * each round races the post's "any waiter?" against the waiter's "any packet?". A packet
     * both missed would stay queued while the consumer waits without a timeout, and no later post
     * would come to release it, so the round would never end.
     */
    @Test
    void r15_aPacketPostedAsTheConsumerStartsWaitingReachesIt() throws Exception {
        int rounds = 20_000;
        CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1));
        AtomicInteger acked = new AtomicInteger(-1);
        Thread consumer = new Thread(() -> {
            ThreadRecord.bind(new CountingSeam(0)); // no spin: straight to the wait
            CompletionEntry e = new CompletionEntry();
            for (int i = 0; i < rounds; i++) {
                port.dequeue(e, CompletionPort.INFINITE, TimeUnit.MILLISECONDS);
                acked.set(e.bytes());
            }
        });
        consumer.start();
        for (int i = 0; i < rounds; i++) {
            port.post(1, i, null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acked.get() != i) {
                assertTrue(System.nanoTime() - deadline < 0,
                        "round " + i + ": the packet was not taken; stats " + port.stats());
                Thread.onSpinWait();
            }
        }
        consumer.join();
        assertNull(((EmulatedCompletionPort) port).invariantViolation());
        port.close();
    }

    /**
     * R37 with the race made still: a post has appended its packet while a thread waits, and is
     * about to hand it on (PortInsert.append returned, releaseWaiters not yet run), when another
     * thread closes the port. The kernel hands the packet off inside the post, so the waiter
     * must keep it through the close, not be abandoned beside a packet the close then drops.
     */
    @Test
    void r37_aPacketAppendedBesideAWaiterStaysWithItThroughAClose() throws Exception {
        EmulatedCompletionPort port = (EmulatedCompletionPort) CompletionPorts.open("java",
                PortOptions.withConcurrency(1));
        CompletionEntry e = new CompletionEntry();
        AtomicReference<DequeueStatus> status = new AtomicReference<>();
        Thread waiter = new Thread(() -> status.set(port.dequeue(e, CompletionPort.INFINITE, TimeUnit.MILLISECONDS)));
        waiter.start();
        await().until(() -> port.stats().waitingThreads() == 1);

        port.queue.tail.lock(); // what append does, without the hand-off that follows it
        port.queue.offer(7, 1, null, 0);
        port.queue.tail.unlock();
        port.close();

        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(DequeueStatus.COMPLETED, status.get());
        assertEquals(7, e.key());
    }

    /**
     * Takes packets until STOP, varying how: no timeout, a zero timeout (R39), 1 ms (the wait
     * ends by its timer, R40) and batches of up to 8 (R43).
     */
    private static void consume(CompletionPort port, int id, int producers, boolean checkOrder,
            AtomicIntegerArray times, AtomicLong taken, AtomicReference<String> failure) {
        CompletionEntry e = new CompletionEntry();
        int[] last = new int[producers];
        Arrays.fill(last, -1);
        boolean[] stop = {false};
        for (int round = 0; !stop[0]; round++) {
            switch ((id + round) % 4) {
                case 0 -> port.dequeue(e, CompletionPort.INFINITE, TimeUnit.MILLISECONDS);
                case 1 -> port.dequeue(e, 0, TimeUnit.MILLISECONDS);
                case 2 -> port.dequeue(e, 1, TimeUnit.MILLISECONDS);
                default -> {
                    port.poll((key, bytes, overlapped, error) -> stop[0] |= record(key, bytes, last, checkOrder,
                            times, taken, failure), 8, CompletionPort.INFINITE, TimeUnit.MILLISECONDS);
                    continue;
                }
            }
            if (e.hasPacket()) {
                stop[0] = record(e.key(), e.bytes(), last, checkOrder, times, taken, failure);
            }
        }
    }

    /** Counts one packet; true for STOP. */
    private static boolean record(long key, int seq, int[] last, boolean checkOrder, AtomicIntegerArray times,
            AtomicLong taken, AtomicReference<String> failure) {
        if (key == STOP) {
            return true;
        }
        int p = (int) key;
        if (times.incrementAndGet(p * PER_PRODUCER + seq) != 1) {
            failure.compareAndSet(null, "producer " + p + " packet " + seq + " taken twice");
        }
        if (checkOrder && seq <= last[p]) {
            failure.compareAndSet(null, "producer " + p + " packet " + seq + " after " + last[p] + " (R48)");
        }
        last[p] = seq;
        taken.incrementAndGet();
        return false;
    }
}
