package org.iocp4j.sim.io;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NETNAME_DELETED;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.io.Overlapped;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimResult;
import org.junit.jupiter.api.Test;

/** Each injected fault does what SimIoOptions says, and a run with faults is a function of its seed. */
class SimFaultsTest {

    private static SimOptions with(long seed, SimIoOptions io) {
        return SimOptions.builder().seed(seed).io(io).build();
    }

    @Test
    void aResetFailsTheReceiverFirstThenTheSenderWithNetnameDeleted() {
        Sim.run(with(1, SimIoOptions.builder().resets(1).build()), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                Overlapped r = new Overlapped();
                assertEquals(ERROR_IO_PENDING, p.server.read(ByteBuffer.allocate(8), r));
                Overlapped w = new Overlapped();
                assertEquals(ERROR_SUCCESS, p.client.write(ByteBuffer.allocate(4), w), "the segment left");
                assertEquals(w, p.next().overlapped());
                assertEquals(r, p.next().overlapped());
                assertEquals(ERROR_NETNAME_DELETED, p.entry.error(), "the receiver's pending read");
                Overlapped early = new Overlapped();
                assertEquals(ERROR_IO_PENDING, p.client.read(ByteBuffer.allocate(8), early));
                assertEquals(early, p.next().overlapped());
                assertEquals(ERROR_NETNAME_DELETED, p.entry.error(), "the sender hears of it one latency later");
                assertEquals(ERROR_NETNAME_DELETED, p.client.write(ByteBuffer.allocate(1), new Overlapped()),
                        "and then fails at once");
                assertEquals(1, sim.io().stats().resets());
            }
        }).assertPassed();
    }

    @Test
    void aShortReadTakesFewerBytesAndLeavesTheRestForTheNext() {
        Sim.run(with(1, SimIoOptions.builder().shortReads(1).build()), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                Overlapped w = new Overlapped();
                p.client.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), w);
                p.next();
                ByteBuffer in = ByteBuffer.allocate(16);
                int reads = 0;
                while (in.position() < 10) {
                    Overlapped r = new Overlapped();
                    p.server.read(in, r);
                    assertEquals(r, p.next().overlapped());
                    assertTrue(p.entry.bytes() >= 1, "a read that succeeds takes at least a byte");
                    reads++;
                }
                assertTrue(reads > 1, "10 bytes, cut short");
                for (int i = 0; i < 10; i++) {
                    assertEquals(i + 1, in.get(i), "in order, none lost");
                }
                assertEquals(reads - 1, sim.io().stats().shortReads(), "the last read took the last byte");
            }
        }).assertPassed();
    }

    @Test
    void aDelayedSegmentArrivesLaterAndNothingOvertakesIt() {
        SimIoOptions io = SimIoOptions.builder().latency(Duration.ofNanos(10_000)).jitter(Duration.ZERO)
                .delays(1, Duration.ofMillis(5)).segmentSize(1).build();
        Sim.run(with(3, io), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                long sent = sim.nanoTime();
                p.client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), new Overlapped());
                p.next();
                ByteBuffer in = ByteBuffer.allocate(3);
                while (in.hasRemaining()) {
                    Overlapped r = new Overlapped();
                    p.server.read(in, r);
                    p.next();
                }
                assertEquals("[1, 2, 3]", java.util.Arrays.toString(in.array()), "in order");
                assertTrue(sim.nanoTime() - sent > Duration.ofNanos(10_000).toNanos(), "later than the latency alone");
                assertTrue(sim.io().stats().delays() >= 3, "three segments, each delayed");
            }
        }).assertPassed();
    }

    @Test
    void aCancelRacingTheDataLosesNoByteAndEitherMayWin() {
        AtomicInteger cancelWon = new AtomicInteger();
        AtomicInteger dataWon = new AtomicInteger();
        for (long seed = 0; seed < 40; seed++) {
            Sim.run(with(seed, SimIoOptions.builder().cancelRaces(1).build()), sim -> {
                try (Pair p = new Pair(sim.openPort(1))) {
                    Overlapped r = new Overlapped();
                    ByteBuffer in = ByteBuffer.allocate(8);
                    assertEquals(ERROR_IO_PENDING, p.server.read(in, r));
                    p.client.write(ByteBuffer.wrap(new byte[] {42}), new Overlapped());
                    p.next();
                    assertEquals(r, p.next().overlapped());
                    if (p.entry.error() == ERROR_OPERATION_ABORTED) {
                        cancelWon.incrementAndGet();
                        assertEquals(0, in.position(), "the cancelled read took nothing");
                        Overlapped again = new Overlapped();
                        assertEquals(ERROR_SUCCESS, p.server.read(in, again), "the byte waits for the next read");
                        p.next();
                    } else {
                        dataWon.incrementAndGet();
                        assertEquals(0, p.entry.error());
                    }
                    assertEquals(42, in.get(0));
                    assertEquals(1, sim.io().stats().cancelRaces());
                }
            }).assertPassed();
        }
        assertTrue(cancelWon.get() > 0 && dataWon.get() > 0, cancelWon + " cancels won, " + dataWon + " data won");
    }

    @Test
    void aRunWithFaultsIsAFunctionOfItsSeed() {
        SimOptions a = SimOptions.builder().seed(11).io(ChurnExactlyOnceTest.FAULTS).build();
        SimResult first = Sim.run(a, sim -> new Churn(sim).run());
        SimResult again = Sim.run(a, sim -> new Churn(sim).run());
        SimResult other = Sim.run(a.toBuilder().seed(12).build(), sim -> new Churn(sim).run());
        first.assertPassed();
        assertEquals(first.trace().hash(), again.trace().hash(), "same seed, same trace, event for event");
        assertEquals(first.steps(), again.steps());
        assertNotEquals(first.trace().hash(), other.trace().hash(), "another seed, another run");
    }
}
