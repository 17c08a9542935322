package org.iocp4j.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iocp4j.PortEvent;
import org.junit.jupiter.api.Test;

/**
 * Plays every stop of the tour and checks what it recorded, so the demo cannot silently rot:
 * each stop's own claims must hold, and the trace must show the rule in the right order.
 */
class TourTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Narrator narrator = new Narrator(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private Outcome play(Scenario s) throws Exception {
        Outcome o = Tour.play(1, 1, s, narrator);
        for (Outcome.Claim c : o.claims()) {
            assertTrue(c.held(), () -> "claim failed: " + c.text() + "\n" + text());
        }
        return o;
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static int at(Outcome o, PortEvent e, String thread) {
        return o.indexOf(s -> s.is(e, thread));
    }

    @Test
    void r16_r33_r36_r40_returnCases() throws Exception {
        Outcome o = play(new ReturnCases());
        assertEquals(5, o.claims().size());
        assertTrue(at(o, PortEvent.ABANDON, "worker-1") > at(o, PortEvent.WAIT, "worker-1"));
        assertTrue(text().contains("case C: TIMEOUT (FALSE, WAIT_TIMEOUT (258))"), this::text);
    }

    @Test
    void r14_r16_ownWorkRunsInPostedOrderAndQuitsOnNullOverlapped() throws Exception {
        Outcome o = play(new OwnWork());
        int t1 = o.indexOf(s -> s.isNote() && s.text().startsWith("runs task 1"));
        int t2 = o.indexOf(s -> s.isNote() && s.text().startsWith("runs task 2"));
        int t3 = o.indexOf(s -> s.isNote() && s.text().startsWith("runs task 3"));
        assertTrue(t1 >= 0 && t1 < t2 && t2 < t3, this::text);
    }

    @Test
    void r14_r15_onePacketWakesOneThreadNotTheHerd() throws Exception {
        Outcome o = play(new ThunderingHerd());
        List<Step> handoffs = o.trace().stream().filter(s -> s.event() == PortEvent.HANDOFF).toList();
        assertEquals(1, handoffs.size(), this::text);
        assertEquals("worker-4", handoffs.get(0).thread());
        assertEquals(3, o.trace().stream().filter(s -> s.event() == PortEvent.ABANDON).count());
    }

    @Test
    void r14_threadsWakeLifoWhilePacketsLeaveFifo() throws Exception {
        Outcome o = play(new LifoWakeOrder());
        List<Step> handoffs = o.trace().stream().filter(s -> s.event() == PortEvent.HANDOFF).toList();
        assertEquals(List.of("worker-3", "worker-2", "worker-1"), handoffs.stream().map(Step::thread).toList());
        assertEquals(List.of(1L, 2L, 3L), handoffs.stream().map(Step::key).toList());
    }

    @Test
    void r22_runningThreadTakesNextPacketAheadOfSleepingWaiter() throws Exception {
        Outcome o = play(new RunningThreadFirst());
        int queued = o.indexOf(s -> s.event() == PortEvent.QUEUE && s.key() == 2);
        int taken = o.indexOf(s -> s.is(PortEvent.DEQUEUE, "worker-1") && s.key() == 2);
        assertTrue(at(o, PortEvent.WAIT, "worker-2") < queued && queued < taken, this::text);
        assertEquals(-1, at(o, PortEvent.HANDOFF, "worker-2"));
    }

    @Test
    void r23_r26_r27_spinningReceiverStarvesTheSecondThreadUntilItBlocks() throws Exception {
        Outcome o = play(new SpinningReceiver());
        Step wait = o.trace().get(at(o, PortEvent.WAIT, "worker-2"));
        assertEquals(1, wait.queued(), "worker-2 waits with #2 queued (R23)");
        assertEquals(1, wait.active());
        int blocked = at(o, PortEvent.BLOCK, "worker-1");
        int handed = at(o, PortEvent.HANDOFF, "worker-2");
        assertTrue(blocked > at(o, PortEvent.WAIT, "worker-2"), this::text);
        assertEquals(blocked + 1, handed, "the block itself releases worker-2 (R26)\n" + text());
        assertEquals(2, o.trace().get(at(o, PortEvent.UNBLOCK, "worker-1")).active(), "R27 over-commit");
    }

    @Test
    void r30_r31_dissociationHandsTheSlotOverWithoutBlocking() throws Exception {
        Outcome o = play(new Dissociation());
        int left = at(o, PortEvent.DISSOCIATE, "worker-1");
        assertTrue(left > at(o, PortEvent.WAIT, "worker-2"), this::text);
        assertEquals(left + 1, at(o, PortEvent.HANDOFF, "worker-2"), this::text);
        assertEquals(-1, at(o, PortEvent.BLOCK, "worker-1"));
        assertTrue(o.indexOf(s -> "private".equals(s.port()) && s.is(PortEvent.ASSOCIATE, "worker-1")) > left);
    }

    @Test
    void r33_r37_postThenCloseStillDeliversToTheWokenThread() throws Exception {
        Outcome o = play(new PostThenClose());
        int handed = at(o, PortEvent.HANDOFF, "worker-3");
        int closed = o.indexOf(s -> s.event() == PortEvent.CLOSE);
        assertTrue(handed >= 0 && handed < closed, this::text);
        assertTrue(at(o, PortEvent.ABANDON, "worker-2") > closed);
        assertTrue(at(o, PortEvent.ABANDON, "worker-1") > closed);
        assertEquals(-1, at(o, PortEvent.ABANDON, "worker-3"));
    }

    @Test
    void everyStopIsInTheTourAndPrintsHeaderAndVerdicts() throws Exception {
        assertEquals(8, Tour.scenarios().size());
        play(new SpinningReceiver());
        String out = text();
        assertTrue(out.contains("== 1/1  A spinning receiver keeps the only slot"), out);
        assertTrue(out.contains("worker-2  waits, though 1 packet is queued: 1 of 1 already active (R23)"), out);
        assertTrue(out.contains("   ok     worker-2 got #2 only after worker-1 blocked (R26)"), out);
    }

    @Test
    void aStopNumberOutOfRangeIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tour.main(new String[] {"9"}));
        assertTrue(e.getMessage().contains("from 1 to 8") && e.getMessage().contains("'9'"), e.getMessage());
    }
}
