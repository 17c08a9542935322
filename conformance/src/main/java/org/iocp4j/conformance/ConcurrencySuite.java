package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

/**
 * The concurrency maximum and the active count (spec 1.5, 1.6): R1, the running thread that takes
 * ahead of sleepers (R22), the gate that keeps a newcomer asleep although packets wait (R23,
 * Raymond Chen's example), what counts as active (R25, R28), blocking elsewhere (R26) and the
 * over-commit when that wait ends (R27).
 */
public abstract class ConcurrencySuite extends ConformanceSuite {

    /** For subclasses. */
    protected ConcurrencySuite() {}

    @Test
    public void r1_zeroConcurrencyMeansOnePerProcessor() {
        try (CompletionPort port = open(0)) {
            assertEquals(PortOptions.withConcurrency(0).effectiveConcurrency(), port.concurrency());
        }
    }

    @Test
    public void r1_concurrencyIsTheMaximumAskedFor() {
        try (CompletionPort port = open(3)) {
            assertEquals(3, port.concurrency());
            assertEquals(3, port.stats().concurrency());
        }
    }

    @Test
    public void r22_runningThreadTakesNextPacketAheadOfSleepingWaiters() {
        assumeEnforcesConcurrency();
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        port.post(1, 0, null);
        assertEquals(1, a.dequeue(port).key());
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 1);
        port.post(2, 0, null);
        port.post(3, 0, null);
        assertEquals(2, queued(port), "A runs: the port is saturated, the packets queue up");
        assertEquals(2, a.dequeue(port).key(), "A, running, takes the next packet at once (R22)");
        assertEquals(3, a.dequeue(port).key(), "and the next, FIFO (R14)");
        assertFalse(bWaits.isDone(), "B slept through both");
        port.close();
        assertEquals(DequeueStatus.ABANDONED, bWaits.status());
    }

    @Test
    public void r23_chen_secondThreadSleepsAlthoughAPacketIsQueued() {
        ChenExample chen = chenExample();
        CompletionPort port = chen.port();
        assertEquals(1, queued(port), "packet 2 waits in the queue");
        assertEquals(1, active(port), "A, spinning, is the one active thread");
        chen.stopSpinning();
        assertFalse(chen.bWaits().isDone(), "A still runs, so B still sleeps");
        assertEquals(1, queued(port));
        port.close();
        assertEquals(DequeueStatus.ABANDONED, chen.bWaits().status());
    }

    @Test
    public void r23_chen_zeroTimeoutTimesOutAlthoughAPacketIsQueued() {
        assumeEnforcesConcurrency();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            ScriptedThread b = thread("B");
            port.post(1, 0, null);
            port.post(2, 0, null);
            assertEquals(1, a.dequeue(port).key());
            Call spins = a.spin();
            assertEquals(DequeueStatus.TIMEOUT, b.dequeue(port, 0).status(),
                    "the gate is shut: WAIT_TIMEOUT although packet 2 is queued (R23)");
            assertEquals(1, queued(port));
            assertEquals(2, active(port), "B's timed-out call counts B as active (KeRemoveQueue step 3)");
            a.release();
            spins.await();
        }
    }

    @Test
    public void r26_chen_secondThreadGetsThePacketWhenTheFirstBlocks() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            Call blocked = chen.a().block();
            assertEquals(2, chen.bWaits().key(), "A blocked, so B is released with packet 2 (R26)");
            assertFalse(blocked.isDone());
            assertEquals(0, queued(port));
            chen.a().release();
            blocked.await();
        }
    }

    @Test
    public void r26_chen_secondThreadGetsThePacketWhenTheFirstSleeps() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            Call sleeps = chen.a().run("Sleep.sleep(20 ms)", () -> Sleep.sleep(Duration.ofMillis(20)));
            assertEquals(2, chen.bWaits().key(), "A sleeps, so B is released with packet 2 (R26)");
            sleeps.await();
            assertEquals(0, queued(port));
        }
    }

    @Test
    public void r27_threadBackFromItsWaitCountsEvenOverTheMaximum() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            Call blocked = chen.a().block();
            chen.bWaits().await();
            assertEquals(1, active(port), "B runs, A is blocked");
            chen.a().release();
            blocked.await();
            assertEquals(2, active(port), "A counts again: 2 active, over the maximum of 1 (R27)");
        }
    }

    @Test
    public void r27_noPacketIsDispatchedWhileOverTheMaximum() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        CompletionPort port = chen.port();
        overCommit(chen);
        ScriptedThread c = thread("C");
        Call cWaits = c.dequeue(port);
        awaitWaiting(port, 1);
        port.post(3, 0, null);
        assertEquals(1, queued(port), "2 active of 1: packet 3 is queued, C is not woken (R27)");
        assertFalse(cWaits.isDone());
        port.close();
        assertEquals(DequeueStatus.ABANDONED, cWaits.status());
    }

    @Test
    public void r27_overCommittedThreadSleepsAlthoughAPacketIsQueued() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        CompletionPort port = chen.port();
        overCommit(chen);
        port.post(3, 0, null);
        Call bAgain = chen.b().dequeue(port);
        awaitWaiting(port, 1);
        assertEquals(1, queued(port), "B gives up its slot, but 1 active is not below 1: B sleeps (R23, R27)");
        assertEquals(3, chen.a().dequeue(port).key(), "A's own dequeue brings the count below: A takes (R22)");
        assertFalse(bAgain.isDone());
        port.close();
        assertEquals(DequeueStatus.ABANDONED, bAgain.status());
    }

    /** From Chen's example: A blocks, B takes packet 2, A comes back: 2 active of 1 (R27). */
    private static void overCommit(ChenExample chen) {
        chen.stopSpinning();
        Call blocked = chen.a().block();
        assertEquals(2, chen.bWaits().key());
        chen.a().release();
        blocked.await();
    }

    @Test
    public void r25_activeCountCountsRunningAssociatedThreads() {
        assumeEnforcesConcurrency();
        CompletionPort port = open(2);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        ScriptedThread c = thread("C");
        port.post(1, 0, null);
        port.post(2, 0, null);
        a.dequeue(port).await();
        assertEquals(1, active(port));
        b.dequeue(port).await();
        assertEquals(2, active(port));
        Call cWaits = c.dequeue(port);
        awaitWaiting(port, 1);
        assertEquals(2, active(port), "C waits and is not active (R28)");
        assertEquals(3, associated(port), "C is associated all the same (R20)");
        port.close();
        assertEquals(DequeueStatus.ABANDONED, cWaits.status());
    }

    @Test
    public void r28_threadWaitingInADequeueIsNotActive() {
        assumeEnforcesConcurrency();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            port.post(1, 0, null);
            a.dequeue(port).await();
            assertEquals(1, active(port));
            Call waits = a.dequeue(port);
            awaitWaiting(port, 1);
            assertEquals(0, active(port), "A waits on its own port: not active (R28)");
            port.post(2, 0, null);
            assertEquals(2, waits.key(), "0 active < 1: the packet goes to the waiter");
            assertEquals(1, active(port));
        }
    }

    @Test
    public void r26_blockReleasesOneWaiterTheMostRecent() {
        assumeWakesLifo();
        assumeEnforcesConcurrency();
        assumeSeesLibraryWaits();
        CompletionPort port = open(2);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        ScriptedThread c = thread("C");
        ScriptedThread d = thread("D");
        port.post(1, 0, null);
        port.post(2, 0, null);
        a.dequeue(port).await();
        b.dequeue(port).await();
        Call cWaits = c.dequeue(port);
        awaitWaiting(port, 1);
        Call dWaits = d.dequeue(port);
        awaitWaiting(port, 2);
        port.post(3, 0, null);
        port.post(4, 0, null);
        assertEquals(2, queued(port));
        Call blocked = a.block();
        assertEquals(3, dWaits.key(), "one slot freed: one waiter, the most recent, gets the head packet");
        assertEquals(1, queued(port));
        assertFalse(cWaits.isDone(), "B and D are active again: C keeps sleeping");
        a.release();
        blocked.await();
        assertEquals(3, active(port), "A, B and D: over the maximum of 2 (R27)");
        port.close();
        assertEquals(DequeueStatus.ABANDONED, cWaits.status());
    }

    @Test
    public void r26_blockWithNothingQueuedReleasesNobodyButOpensTheGate() {
        assumeEnforcesConcurrency();
        assumeSeesLibraryWaits();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            ScriptedThread b = thread("B");
            port.post(1, 0, null);
            a.dequeue(port).await();
            Call bWaits = b.dequeue(port);
            awaitWaiting(port, 1);
            Call blocked = a.block();
            awaitUntil("A gave up its slot", () -> port.stats().activeThreads() == 0);
            assertFalse(bWaits.isDone(), "nothing to hand out");
            port.post(2, 0, null);
            assertEquals(2, bWaits.key(), "0 active < 1: the post goes straight to B");
            a.release();
            blocked.await();
            assertEquals(2, active(port));
        }
    }

    @Test
    public void r26_nestedBlockingGivesUpTheSlotOnceAndTakesItBackOnce() {
        assumeSeesLibraryWaits();
        assumeCountsActiveThreads();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            port.post(1, 0, null);
            a.dequeue(port).await();
            AtomicBoolean inner = new AtomicBoolean();
            AtomicBoolean release = new AtomicBoolean();
            Call nested = a.run("Blocking.run inside Blocking.run", () -> Blocking.run(() -> Blocking.run(() -> {
                inner.set(true);
                harness().awaitUntil("A is released", release::get);
            })));
            awaitUntil("A is in the inner wait", inner::get);
            assertEquals(0, active(port));
            release.set(true);
            nested.await();
            assertEquals(1, active(port), "counted once again, not twice");
        }
    }
}
