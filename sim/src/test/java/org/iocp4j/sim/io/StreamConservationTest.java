package org.iocp4j.sim.io;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iocp4j.CompletionEntry;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;
import org.iocp4j.sim.PropertyRunner;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimRandom;
import org.junit.jupiter.api.Test;

/**
 * Under every fault (short reads, delays, cancel races, resets) and random cancels of reads and
 * writes, the bytes a reader gets are, in order and once each, a prefix of what the writes really
 * sent (their buffers' positions), and all of it when no reset occurred.
 */
class StreamConservationTest {
    private static final SimIoOptions EVERY_FAULT = SimIoOptions.builder().socketBuffer(700).segmentSize(97)
            .shortReads(0.4).delays(0.2, Duration.ofMillis(1)).cancelRaces(0.2).resets(0.002).build();

    /** One read or write: its buffer, where it started, and how it ended. */
    private static final class Op extends Overlapped {
        final ByteBuffer buffer;
        final int start;
        final boolean write;
        boolean done;
        int error;

        Op(ByteBuffer buffer, boolean write) {
            this.buffer = buffer;
            this.start = buffer.position();
            this.write = write;
        }

        /** The bytes it moved. */
        byte[] moved() {
            ByteBuffer b = buffer.duplicate().limit(buffer.position()).position(start);
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
    }

    @Test
    void r66_aReaderGetsAnInOrderPrefixOfWhatTheWritesSentUnderEveryFault() {
        PropertyRunner.of(StreamConservationTest::readsAndWritesWithCancels).name("stream conservation")
                .seeds(300).options(SimOptions.builder().io(EVERY_FAULT).build()).check();
    }

    private static void readsAndWritesWithCancels(Sim sim) throws Exception {
        try (Pair p = new Pair(sim.openPort(1))) {
            SimRandom r = sim.random();
            List<Op> writes = new ArrayList<>();
            List<Op> reads = new ArrayList<>();
            int counter = 0;
            for (int step = 0; step < 120; step++) {
                int roll = r.nextInt(10);
                if (roll < 3) {
                    byte[] b = new byte[1 + r.nextInt(600)];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (counter++ % 251);
                    }
                    boolean heap = r.nextBoolean();
                    Op w = new Op(heap ? ByteBuffer.wrap(b) : ByteBuffer.allocateDirect(b.length).put(b).flip(), true);
                    issue(w, p.client.write(w.buffer, w), writes);
                } else if (roll < 6) {
                    Op rd = new Op(ByteBuffer.allocate(1 + r.nextInt(300)), false);
                    issue(rd, p.server.read(rd.buffer, rd), reads);
                } else if (roll < 7) {
                    List<Op> all = new ArrayList<>(writes);
                    all.addAll(reads);
                    if (!all.isEmpty()) {
                        Op victim = all.get(r.nextInt(all.size()));
                        (victim.write ? p.client : p.server).cancel(victim);
                    }
                }
                while (p.port.dequeue(p.entry, r.nextInt(3), MILLISECONDS).hasPacket()) {
                    ended(p.entry);
                }
            }
            p.client.shutdownOutput();
            readToTheEnd(p, reads);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            writes.forEach(w -> sent.writeBytes(w.moved()));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (Op rd : reads) {
                if (rd.done && rd.error == Win32Error.ERROR_SUCCESS) {
                    got.writeBytes(rd.moved());
                } else {
                    assertEquals(0, rd.buffer.position(), "a read that failed or never ended took nothing");
                }
            }
            byte[] s = sent.toByteArray();
            byte[] g = got.toByteArray();
            assertTrue(g.length <= s.length, "got " + g.length + " bytes, more than the " + s.length + " sent");
            assertArrayEquals(Arrays.copyOf(s, g.length), g, "a prefix of what was sent, in order, once");
            if (sim.io().stats().resets() == 0) {
                assertEquals(s.length, g.length, "no reset: everything sent arrives");
            }
        }
    }

    /** Keeps a read pending until the end of the stream (or an error ends it). */
    private static void readToTheEnd(Pair p, List<Op> reads) {
        for (int k = 0; k < 2000; k++) {
            if (reads.stream().allMatch(x -> x.done)) {
                Op rd = new Op(ByteBuffer.allocate(512), false);
                if (!issue(rd, p.server.read(rd.buffer, rd), reads)) {
                    return;
                }
            }
            if (p.port.dequeue(p.entry, 50, MILLISECONDS).hasPacket()) {
                Op op = ended(p.entry);
                boolean endOfStream = op.error == Win32Error.ERROR_SUCCESS && op.buffer.position() == 0;
                if (!op.write && (endOfStream || op.error != Win32Error.ERROR_SUCCESS
                        && op.error != Win32Error.ERROR_OPERATION_ABORTED)) {
                    return;
                }
            }
        }
    }

    /** Lists {@code op} with the answer of its call; true if it succeeded or is pending. */
    private static boolean issue(Op op, int answer, List<Op> ops) {
        boolean started = answer == Win32Error.ERROR_SUCCESS || answer == Win32Error.ERROR_IO_PENDING;
        if (!started) {
            op.done = true;
            op.error = answer;
        }
        if (started || op.write) {
            ops.add(op);
        }
        return started;
    }

    private static Op ended(CompletionEntry e) {
        Op op = (Op) e.overlapped();
        op.done = true;
        op.error = e.error();
        return op;
    }
}
