package org.iocp4j.conformance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference model against the rules, one scenario per test. */
class ReferenceModelTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final ReferenceModel m = new ReferenceModel();

    private static Packet took(Outcome o) {
        return assertInstanceOf(Outcome.Took.class, o).packet();
    }

    @Test
    void r14_packetsAreTakenFifo() {
        int p = m.openPort(1);
        m.post(p, 10);
        m.post(p, 20);
        assertEquals(10, took(m.dequeue(A, p, Wait.ZERO)).key());
        assertEquals(20, took(m.dequeue(A, p, Wait.ZERO)).key());
        assertEquals(Outcome.TIMED_OUT, m.dequeue(A, p, Wait.ZERO));
    }

    @Test
    void r14_waitersAreReleasedLifo_r15_withoutQueueing() {
        int p = m.openPort(3);
        assertEquals(Outcome.WAITS, m.dequeue(A, p, Wait.INFINITE));
        assertEquals(Outcome.WAITS, m.dequeue(B, p, Wait.INFINITE));
        assertEquals(List.of(B, A), m.port(p).waiters());
        Delivery d = m.post(p, 1);
        assertEquals(B, assertInstanceOf(Delivery.HandedTo.class, d).thread());
        assertTrue(m.port(p).queued().isEmpty(), "a handed packet is never queued (R15)");
        assertEquals(1, took(m.thread(B).outcome()).key());
        assertEquals(List.of(new Handoff(B, p, ((Delivery.HandedTo) d).packet())), m.lastReleases());
        assertEquals(A, ((Delivery.HandedTo) m.post(p, 2)).thread());
    }

    @Test
    void r20_firstDequeueAssociatesEvenWhenItTimesOut() {
        int p = m.openPort(1);
        assertEquals(Outcome.TIMED_OUT, m.dequeue(A, p, Wait.ZERO));
        ThreadView a = m.thread(A);
        assertEquals(p, a.port());
        assertTrue(a.active(), "step 3: a timed-out call counts the thread again");
        assertEquals(1, m.port(p).active());
    }

    @Test
    void r22_runningThreadTakesNextPacketAheadOfWaiters() {
        int p = m.openPort(1);
        m.post(p, 1);
        took(m.dequeue(A, p, Wait.INFINITE));
        assertEquals(Outcome.WAITS, m.dequeue(B, p, Wait.INFINITE));
        assertInstanceOf(Delivery.Queued.class, m.post(p, 2), "saturated: queued, B not woken");
        assertEquals(2, took(m.dequeue(A, p, Wait.INFINITE)).key());
        assertEquals(Phase.WAITING, m.thread(B).phase());
    }

    @Test
    void r23_chen_secondThreadWaitsAlthoughAPacketIsQueued_r26_untilTheFirstBlocks() {
        int p = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        assertEquals(1, took(m.dequeue(A, p, Wait.INFINITE)).key());
        assertEquals(Outcome.WAITS, m.dequeue(B, p, Wait.INFINITE));
        assertEquals(1, m.port(p).queued().size());
        Optional<Handoff> released = m.block(A);
        assertEquals(B, released.orElseThrow().thread());
        assertEquals(2, released.get().packet().key());
        m.unblock(A);
        assertEquals(2, m.port(p).active(), "R27: over the maximum after the wait ends");
    }

    @Test
    void r23_zeroTimeoutTimesOutAlthoughAPacketIsQueued() {
        int p = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.INFINITE));
        assertEquals(Outcome.TIMED_OUT, m.dequeue(B, p, Wait.ZERO));
        assertEquals(2, m.port(p).active(), "the timed-out newcomer counts as active (step 3)");
    }

    @Test
    void r27_noDispatchWhileOverTheMaximum() {
        int p = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.INFINITE));
        m.dequeue(B, p, Wait.INFINITE);
        m.block(A); // B takes 2
        m.unblock(A); // active 2 of 1
        assertEquals(Outcome.WAITS, m.dequeue(C, p, Wait.INFINITE));
        assertInstanceOf(Delivery.Queued.class, m.post(p, 3));
        assertEquals(Outcome.WAITS, m.dequeue(B, p, Wait.INFINITE), "B's own slot was over-committed (R23)");
        assertEquals(3, took(m.dequeue(A, p, Wait.INFINITE)).key(), "A brings the count below: takes (R22)");
    }

    @Test
    void r26_blockReleasesOneWaiter() {
        int p = m.openPort(2);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.ZERO));
        took(m.dequeue(B, p, Wait.ZERO));
        m.dequeue(C, p, Wait.INFINITE);
        m.dequeue(3, p, Wait.INFINITE);
        m.post(p, 3);
        m.post(p, 4);
        assertEquals(3, m.block(A).orElseThrow().thread(), "the most recent waiter");
        assertEquals(List.of(C), m.port(p).waiters());
        assertEquals(1, m.port(p).queued().size());
    }

    @Test
    void r30_r31_dequeueOnAnotherPortReleasesAWaiterOfTheOld() {
        int p = m.openPort(1);
        int dummy = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.INFINITE));
        m.dequeue(B, p, Wait.INFINITE);
        assertEquals(Outcome.TIMED_OUT, m.dequeue(A, dummy, Wait.ZERO));
        assertEquals(List.of(new Handoff(B, p, new Packet(1, 2))), m.lastReleases());
        assertEquals(dummy, m.thread(A).port());
        assertEquals(List.of(B), m.port(p).associated());
        assertEquals(1, m.port(p).active());
    }

    @Test
    void r29_exitReleasesAWaiter() {
        int p = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.INFINITE));
        m.dequeue(B, p, Wait.INFINITE);
        assertEquals(B, m.exit(A).orElseThrow().thread());
        assertEquals(Phase.EXITED, m.thread(A).phase());
        assertThrows(IllegalStateException.class, () -> m.dequeue(A, p, Wait.ZERO));
    }

    @Test
    void r33_closeAbandonsWaiters_r38_dropsPackets_r36_laterCallsAreInvalid() {
        int p = m.openPort(1);
        m.post(p, 1);
        m.post(p, 2);
        took(m.dequeue(A, p, Wait.INFINITE));
        m.dequeue(B, p, Wait.INFINITE);
        Rundown r = m.close(p);
        assertEquals(List.of(B), r.abandoned());
        assertEquals(List.of(new Packet(1, 2)), r.dropped());
        assertEquals(Outcome.ABANDONED, m.thread(B).outcome());
        assertEquals(ReferenceModel.NONE, m.thread(A).port(), "R32: dissociated");
        assertEquals(Outcome.INVALID_HANDLE, m.dequeue(A, p, Wait.ZERO));
        assertInstanceOf(Delivery.Rejected.class, m.post(p, 3), "R19");
        assertEquals(new Rundown(List.of(), List.of()), m.close(p), "idempotent");
    }

    @Test
    void r37_packetHandedBeforeTheCloseStaysDelivered() {
        int p = m.openPort(1);
        m.dequeue(A, p, Wait.INFINITE);
        m.post(p, 1);
        Rundown r = m.close(p);
        assertTrue(r.abandoned().isEmpty());
        assertEquals(1, took(m.thread(A).outcome()).key());
    }

    @Test
    void r36_dequeueOnAClosedPortKeepsTheOldAssociation() {
        int p = m.openPort(1);
        int closed = m.openPort(1);
        m.dequeue(A, p, Wait.ZERO);
        m.close(closed);
        assertEquals(Outcome.INVALID_HANDLE, m.dequeue(A, closed, Wait.ZERO));
        assertEquals(p, m.thread(A).port());
    }

    @Test
    void r39_finiteTimeoutFiresAsAnEvent() {
        int p = m.openPort(1);
        assertEquals(Outcome.WAITS, m.dequeue(A, p, Wait.FINITE));
        assertEquals(0, m.port(p).active());
        assertEquals(Outcome.TIMED_OUT, m.timeout(A));
        assertEquals(1, m.port(p).active(), "KiUnlinkThread counts the thread again");
        assertTrue(m.port(p).waiters().isEmpty());
    }

    @Test
    void r39_infiniteWaitHasNoTimerToFire() {
        int p = m.openPort(1);
        m.dequeue(A, p, Wait.INFINITE);
        assertThrows(IllegalStateException.class, () -> m.timeout(A));
    }

    @Test
    void r47_batchTakesWhatIsQueued_r15_butIsHandedOne() {
        int p = m.openPort(2);
        m.post(p, 1);
        m.post(p, 2);
        Outcome.Took t = assertInstanceOf(Outcome.Took.class, m.poll(A, p, 5, Wait.ZERO));
        assertEquals(List.of(1L, 2L), t.packets().stream().map(Packet::key).toList());
        assertEquals(Outcome.WAITS, m.poll(B, p, 5, Wait.INFINITE));
        m.post(p, 3);
        m.post(p, 4);
        assertEquals(List.of(new Packet(2, 3)), ((Outcome.Took) m.thread(B).outcome()).packets());
        assertEquals(1, m.port(p).queued().size());
    }

    @Test
    void r28_waitingThreadIsNotActive() {
        int p = m.openPort(1);
        m.post(p, 1);
        took(m.dequeue(A, p, Wait.INFINITE));
        assertTrue(m.thread(A).active());
        m.dequeue(A, p, Wait.INFINITE);
        assertFalse(m.thread(A).active());
        assertEquals(0, m.port(p).active());
    }

    @Test
    void strict_aThreadDoesOneThingAtATime() {
        int p = m.openPort(1);
        m.dequeue(A, p, Wait.INFINITE);
        assertThrows(IllegalStateException.class, () -> m.dequeue(A, p, Wait.ZERO));
        assertThrows(IllegalStateException.class, () -> m.block(A));
        assertThrows(IllegalStateException.class, () -> m.unblock(B), "B is running, not blocked");
        assertThrows(IllegalArgumentException.class, () -> m.poll(B, p, 0, Wait.ZERO));
        assertThrows(IllegalArgumentException.class, () -> m.openPort(0));
        assertThrows(IllegalArgumentException.class, () -> m.post(7, 1));
        assertNull(m.invariantViolation());
    }
}
