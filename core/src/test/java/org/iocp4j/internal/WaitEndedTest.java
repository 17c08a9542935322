package org.iocp4j.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * A readiness backend's poller hears of every end of a wait ({@link WaitPoller#waitEnded}), the
 * waiter's own timeout and alert included: a poller that kept a timed-out waiter as the thread
 * the poll is promised to would let no later waiter poll (they would all park).
 */
class WaitEndedTest {

    /** Never lets the waiter poll (as when another thread holds the poll); records what it hears. */
    private static class RecordingPoller implements WaitPoller {
        final List<ThreadRecord> ended = new CopyOnWriteArrayList<>();

        @Override
        public boolean pollWhileWaiting(ThreadRecord waiter, long deadlineNanos) {
            return false;
        }

        @Override
        public void wakeup(ThreadRecord waiter) {
            // nothing polls
        }

        @Override
        public void waitEnded(ThreadRecord waiter) {
            ended.add(waiter);
        }
    }

    /**
     * A wait ended while the waiter was asking the poller (which then said "park": another thread
     * polls) must not leave it parked: the waker saw it polling, so it woke the poll, not the
     * thread. Here the poller holds the waiter until the port is closed (R33), then says park.
     */
    @Test
    void r33_aWaitEndedWhileThePollerIsAskedDoesNotLeaveTheWaiterParked() throws Exception {
        EmulatedCompletionPort port = (EmulatedCompletionPort) CompletionPorts.open("java", PortOptions.withConcurrency(1));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        port.pollWith(new RecordingPoller() {
            @Override
            public boolean pollWhileWaiting(ThreadRecord waiter, long deadlineNanos) {
                asked.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false; // another thread polls: park
            }
        });
        CompletableFuture<DequeueStatus> status = CompletableFuture.supplyAsync(
                () -> port.dequeue(new CompletionEntry()), r -> new Thread(r, "waiter").start());
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        port.close(); // ends the wait: ABANDONED
        closed.countDown();
        assertEquals(DequeueStatus.ABANDONED, status.get(30, TimeUnit.SECONDS));
    }

    @Test
    void r40_aWaitEndedByItsTimeoutIsReported() {
        EmulatedCompletionPort port = (EmulatedCompletionPort) CompletionPorts.open("java", PortOptions.withConcurrency(1));
        RecordingPoller poller = new RecordingPoller();
        port.pollWith(poller);
        assertEquals(DequeueStatus.TIMEOUT, port.dequeue(new CompletionEntry(), 5, TimeUnit.MILLISECONDS));
        assertEquals(List.of(ThreadRecord.current()), poller.ended);
        port.close();
    }

    @Test
    void r23_aWaitEndedByAnAlertIsReported() throws Exception {
        EmulatedCompletionPort port = (EmulatedCompletionPort) CompletionPorts.open("java", PortOptions.withConcurrency(1));
        RecordingPoller poller = new RecordingPoller();
        port.pollWith(poller);
        AtomicReference<ThreadRecord> record = new AtomicReference<>();
        AtomicReference<DequeueStatus> status = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            record.set(ThreadRecord.current());
            status.set(port.dequeue(new CompletionEntry(), 30, TimeUnit.SECONDS));
        });
        waiter.start();
        await().until(() -> port.stats().waitingThreads() == 1);
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(DequeueStatus.INTERRUPTED, status.get());
        assertEquals(List.of(record.get()), poller.ended);
        port.close();
    }
}
