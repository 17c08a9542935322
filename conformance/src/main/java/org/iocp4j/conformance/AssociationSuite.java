package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.junit.jupiter.api.Test;

/**
 * Association (spec 1.5 step 1, 1.7): a thread is associated by its first dequeue (R20), with one
 * port at a time (R21); a dequeue on another port moves it and frees its slot on the old one (R30),
 * which is how a thread dissociates (R31, Raymond Chen's remedy); a thread that exits frees its
 * slot too (R29).
 */
public abstract class AssociationSuite extends ConformanceSuite {

    /** For subclasses. */
    protected AssociationSuite() {}

    @Test
    public void r20_firstDequeueAssociatesTheThreadEvenWhenItTimesOut() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            assertEquals(0, associated(port));
            assertEquals(DequeueStatus.TIMEOUT, a.dequeue(port, 0).status());
            assertEquals(1, associated(port), "associated although the call timed out (R20)");
            assertEquals(1, active(port), "and counted as active, running again (KeRemoveQueue step 3)");
        }
    }

    @Test
    public void r20_postingDoesNotAssociate() {
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            a.run("post", () -> port.post(1, 0, null)).await();
            assertEquals(0, associated(port));
            assertEquals(0, active(port));
            assertEquals(1, a.dequeue(port, 0).key());
        }
    }

    @Test
    public void r20_threadWhoseDequeueTimedOutStillHoldsItsSlot() {
        assumeEnforcesConcurrency();
        CompletionPort port = open(1);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        assertEquals(DequeueStatus.TIMEOUT, a.dequeue(port, 0).status());
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 1);
        port.post(1, 0, null);
        assertEquals(1, queued(port), "A runs associated and active: the post is queued, B sleeps");
        assertEquals(1, a.dequeue(port).key(), "A takes it on its next dequeue (R22)");
        assertFalse(bWaits.isDone());
        port.close();
        assertEquals(DequeueStatus.ABANDONED, bWaits.status());
    }

    @Test
    public void r21_dequeueOnAnotherPortMovesTheAssociation() {
        try (CompletionPort p = open(1); CompletionPort q = open(1)) {
            ScriptedThread a = thread("A");
            a.dequeue(p, 0).await();
            assertEquals(1, associated(p));
            a.dequeue(q, 0).await();
            assertEquals(0, associated(p), "one port at a time (R21)");
            assertEquals(1, associated(q));
            assertEquals(0, active(p), "the old port no longer counts A (R30)");
            assertEquals(1, active(q));
        }
    }

    @Test
    public void r31_chen_dissociatingWithAZeroTimeoutDequeueReleasesTheSleeper() {
        ChenExample chen = chenExample();
        try (CompletionPort port = chen.port(); CompletionPort dummy = open(1)) {
            chen.stopSpinning();
            assertEquals(DequeueStatus.TIMEOUT, chen.a().dequeue(dummy, 0).status(),
                    "A calls dequeue on a private dummy port with a zero timeout (RC-2021)");
            assertEquals(2, chen.bWaits().key(), "A left the port: B is released with packet 2 (R30, R31)");
            assertEquals(1, associated(port), "only B is associated with the port now");
            assertEquals(1, active(port));
            assertEquals(0, queued(port));
        }
    }

    @Test
    public void r30_movingAwayReleasesTheSleeperEvenWhenTheNewCallWaits() {
        ChenExample chen = chenExample();
        CompletionPort port = chen.port();
        CompletionPort dummy = open(1);
        chen.stopSpinning();
        Call aWaitsOnDummy = chen.a().dequeue(dummy);
        assertEquals(2, chen.bWaits().key(), "the association moved before A's call waited (R30)");
        assertEquals(1, associated(port));
        awaitWaiting(dummy, 1);
        dummy.close();
        assertEquals(DequeueStatus.ABANDONED, aWaitsOnDummy.status());
        port.close();
    }

    @Test
    public void r31_dissociatedThreadNoLongerCountsOnTheOldPort() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        CompletionPort port = chen.port();
        CompletionPort dummy = open(1);
        chen.stopSpinning();
        chen.a().dequeue(dummy, 0).await();
        assertEquals(2, chen.bWaits().key());
        ScriptedThread c = thread("C");
        Call cWaits = c.dequeue(port);
        awaitWaiting(port, 1);
        port.post(3, 0, null);
        assertEquals(1, queued(port), "B holds the only slot: packet 3 waits, and so does C");
        Call aBlocked = chen.a().block();
        awaitUntil("A gave up its slot on the dummy port", () -> dummy.stats().activeThreads() == 0);
        assertFalse(cWaits.isDone(), "A's wait frees nothing on the port it left (R31)");
        assertEquals(1, queued(port));
        chen.a().release();
        aBlocked.await();
        assertEquals(1, active(port), "A's return does not count on the old port either");
        assertEquals(1, active(dummy));
        port.close();
        dummy.close();
        assertEquals(DequeueStatus.ABANDONED, cWaits.status());
    }

    @Test
    public void r29_exitOfTheActiveThreadLetsTheNextPostReachTheSleeper() {
        assumeEnforcesConcurrency();
        assumeDetectsThreadExit();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            ScriptedThread b = thread("B");
            port.post(1, 0, null);
            assertEquals(1, a.dequeue(port).key());
            Call bWaits = b.dequeue(port);
            awaitWaiting(port, 1);
            a.exit();
            harness().join(a.thread());
            port.post(2, 0, null);
            assertEquals(2, bWaits.key(), "A's exit freed its slot (R29)");
        }
    }

    @Test
    public void r29_chen_exitOfTheFirstReceiverReleasesTheSleeper() {
        ChenExample chen = chenExample();
        assumeDetectsThreadExit();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            chen.a().exit();
            harness().join(chen.a().thread());
            assertEquals(2, chen.bWaits().key(), "A's exit frees its slot: B gets packet 2 (R29)");
            assertEquals(0, queued(port));
        }
    }
}
