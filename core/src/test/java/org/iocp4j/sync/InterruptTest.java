package org.iocp4j.sync;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.iocp4j.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.junit.jupiter.api.Test;

/** An interrupt ends a wait with InterruptedException, nothing taken, the port slot taken back. */
class InterruptTest {

    @Test
    void interruptedThreadWhoseWaitIsSatisfiedAtOnce_getsTheObjectAndKeepsTheInterrupt() throws Exception {
        Event e = Event.autoReset(true);
        Thread.currentThread().interrupt();
        try {
            assertEquals(Waits.WAIT_OBJECT_0, e.waitFor(0, MILLISECONDS), "a signaled object wins, as over an APC");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
            assertFalse(e.isSignaled());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptedThreadThatWouldWait_throwsAndTakesNothing() {
        Event e = Event.autoReset(false);
        Semaphore s = new Semaphore(1, 1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Waits.waitAll(Waits.INFINITE, MILLISECONDS, s, e));
        assertFalse(Thread.interrupted(), "the interrupt status is cleared");
        assertEquals(1, s.currentCount(), "nothing was taken");
        assertEquals(0, e.waitingThreads());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> e.waitFor(0, MILLISECONDS), "a zero timeout too");
        assertFalse(Thread.interrupted());
    }

    @Test
    void sleepInterruptedBeforeItBegins_throwsAtOnce() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Sleep.sleep(java.time.Duration.ofDays(1)));
        assertFalse(Thread.interrupted(), "the interrupt status is cleared");
    }

    @Test
    void interruptedWhileBlocked_throwsLeavesTheObjectAndTakesTheSlotBack() throws Exception {
        try (CompletionPort port = CompletionPorts.open(1)) {
            Semaphore s = new Semaphore(0, 1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicInteger activeAfter = new AtomicInteger(-1);
            port.post(1, 0, null);
            Thread t = new Thread(() -> {
                port.dequeue(new CompletionEntry(), 0, MILLISECONDS); // associate, active
                try {
                    s.waitFor(Waits.INFINITE, MILLISECONDS);
                } catch (InterruptedException e) {
                    thrown.set(e);
                    activeAfter.set(port.stats().activeThreads());
                }
            });
            t.start();
            await().until(() -> s.waitingThreads() == 1);
            await("blocked: the slot is given up (R26)").until(() -> port.stats().activeThreads() == 0);
            t.interrupt();
            t.join();
            assertTrue(thrown.get() instanceof InterruptedException);
            assertEquals(1, activeAfter.get(), "the slot was taken back before the exception (R27)");
            assertEquals(0, s.waitingThreads());
            s.release();
            assertEquals(1, s.currentCount(), "the interrupted waiter took nothing");
        }
    }

    @Test
    void waitSatisfiedBeforeTheInterruptIsSeen_returnsTheResultAndKeepsTheInterrupt() throws Exception {
        Event e = Event.autoReset(false);
        AtomicInteger result = new AtomicInteger(-1);
        AtomicInteger stillInterrupted = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            try {
                result.set(e.waitFor(Waits.INFINITE, MILLISECONDS));
                stillInterrupted.set(Thread.currentThread().isInterrupted() ? 1 : 0);
            } catch (InterruptedException ex) {
                result.set(-2);
            }
        });
        t.start();
        await().until(() -> e.waitingThreads() == 1);
        // Hold the dispatcher lock so the waiter, woken by the interrupt, stops at it while
        // cancelling; satisfy the wait in that moment.
        Dispatcher.LOCK.lock();
        try {
            t.interrupt();
            await("the waiter sees the interrupt").until(() -> Dispatcher.LOCK.hasQueuedThread(t));
            e.set();
        } finally {
            Dispatcher.LOCK.unlock();
        }
        t.join();
        assertEquals(Waits.WAIT_OBJECT_0, result.get(), "the satisfied wait returns its result");
        assertEquals(1, stillInterrupted.get(), "the interrupt status is kept");
        assertFalse(e.isSignaled(), "the auto-reset event was taken");
    }
}
