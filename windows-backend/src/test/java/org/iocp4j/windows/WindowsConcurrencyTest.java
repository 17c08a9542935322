package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The concurrency maximum (spec 1.5-1.6), which the kernel enforces and Wine ignores. */
class WindowsConcurrencyTest {

    @BeforeEach
    void needsAKernelThatEnforcesConcurrency() {
        OnWindows.assumeAvailable();
        assumeTrue(WindowsPortProvider.capabilities().enforcesConcurrency(),
                () -> "Wine " + WindowsPlatform.wineVersion() + ": " + OnWindows.WINE_IGNORES_CONCURRENCY);
    }

    /**
     * Raymond Chen's example (RC-2021): concurrency 1, two packets; the first receiver keeps
     * running, so a second thread cannot take the queued packet (R23), while the running one
     * picks it up at once on its next call (R22).
     */
    @Test
    void r23_r22_chen_aRunningReceiverKeepsTheSecondThreadOut() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 0, "first");
            port.post(2, 0, "second");
            CountDownLatch gotFirst = new CountDownLatch(1);
            AtomicBoolean release = new AtomicBoolean();
            AtomicReference<Object> runnerSecond = new AtomicReference<>();
            Thread runner = OnWindows.start("runner", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e, 0, TimeUnit.MILLISECONDS);
                gotFirst.countDown();
                while (!release.get()) {
                    Thread.onSpinWait(); // running, not blocked: still counts as active (R25)
                }
                if (port.dequeue(e, 0, TimeUnit.MILLISECONDS) == DequeueStatus.COMPLETED) {
                    runnerSecond.set(e.overlapped());
                }
            });
            OnWindows.awaitUntil("the runner took the first packet", () -> gotFirst.getCount() == 0);
            AtomicReference<DequeueStatus> other = new AtomicReference<>();
            Thread second = OnWindows.start("second", () -> other.set(port.dequeue(new CompletionEntry(), 0,
                    TimeUnit.MILLISECONDS)));
            OnWindows.awaitEnd(second);
            assertEquals(DequeueStatus.TIMEOUT, other.get(), "R23: saturated, although a packet is queued");
            assertEquals(1, port.stats().queuedPackets());
            release.set(true);
            OnWindows.awaitEnd(runner);
            assertEquals("second", runnerSecond.get(), "R22: the running thread takes the next packet");
        }
    }

    /** R26: an active thread that blocks in any wait (here a JDK latch) frees its slot for a waiter. */
    @Test
    void r26_aBlockedReceiverReleasesAWaiter() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 0, "first");
            CountDownLatch gotFirst = new CountDownLatch(1);
            CountDownLatch hold = new CountDownLatch(1);
            Thread blocker = OnWindows.start("blocker", () -> {
                port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
                gotFirst.countDown();
                try {
                    hold.await(); // a kernel wait the port sees
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            OnWindows.awaitUntil("the blocker took the first packet", () -> gotFirst.getCount() == 0);
            AtomicReference<Object> got = new AtomicReference<>();
            Thread waiter = OnWindows.start("waiter", () -> {
                CompletionEntry e = new CompletionEntry();
                if (port.dequeue(e, 30, TimeUnit.SECONDS) == DequeueStatus.COMPLETED) {
                    got.set(e.overlapped());
                }
            });
            port.post(2, 0, "second");
            OnWindows.awaitEnd(waiter);
            assertEquals("second", got.get());
            assertTrue(blocker.isAlive(), "the blocker was still blocked when the waiter got the packet");
            hold.countDown();
            OnWindows.awaitEnd(blocker);
        }
    }
}
