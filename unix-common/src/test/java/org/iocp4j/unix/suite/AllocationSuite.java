package org.iocp4j.unix.suite;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;
import org.iocp4j.conformance.io.Allocations;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * Steady traffic allocates nothing per operation once warm: a socket keeps its finished read and
 * write of each kind (one buffer, scatter, gather) for the next ones, and the port's dequeue and
 * the poll allocate nothing, so a server's request-reply loop makes no garbage.
 */
public abstract class AllocationSuite extends IoSuiteSupport {
    private static final int ROUNDS = 20_000;

    private AsyncSocket[] pair;
    private final ByteBuffer out = ByteBuffer.allocateDirect(8);
    private final ByteBuffer in = ByteBuffer.allocateDirect(8);
    private final Overlapped write = new Overlapped();
    private final Overlapped read = new Overlapped();
    private final CompletionEntry got = new CompletionEntry();
    /** A header and a body, sent and received as the same two buffers every time. */
    private final ByteBuffer[] outs = {ByteBuffer.allocateDirect(4), ByteBuffer.allocateDirect(12)};
    private final ByteBuffer[] ins = {ByteBuffer.allocateDirect(4), ByteBuffer.allocateDirect(12)};

    @Test
    public void aWriteAndAReadPerRoundAllocateNothingOnceWarm() throws Exception {
        assertNoGarbagePerRound(this::singleBufferRound);
    }

    @Test
    public void aGatherAndAScatterPerRoundAllocateNothingOnceWarm() throws Exception {
        assertNoGarbagePerRound(this::gatherScatterRound);
    }

    private void assertNoGarbagePerRound(Runnable round) throws Exception {
        pair = connectedPair(1, 2);
        for (AsyncSocket s : pair) {
            s.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        }
        rounds(round); // warm: the JIT compiles the path
        long before = Allocations.ofCurrentThread();
        rounds(round);
        long bytes = Allocations.ofCurrentThread() - before;
        assertEquals(0, bytes / ROUNDS, "bytes allocated per round (" + bytes + " in " + ROUNDS + " rounds)");
    }

    private static void rounds(Runnable round) {
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
    }

    private void singleBufferRound() {
        out.clear();
        finish(pair[0].write(out, write), write);
        in.clear();
        finish(pair[1].read(in, read), read);
    }

    private void gatherScatterRound() {
        clear(outs);
        finish(pair[0].write(outs, write), write);
        clear(ins);
        finish(pair[1].read(ins, read), read);
        assertEquals(0, ins[1].remaining(), "the scatter read filled both buffers");
    }

    private static void clear(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            b.clear();
        }
    }

    /** A success is done (no packet: skip mode); a pending operation's packet is dequeued here. */
    private void finish(int issued, Overlapped ov) {
        if (issued == Win32Error.ERROR_SUCCESS) {
            return;
        }
        assertEquals(Win32Error.ERROR_IO_PENDING, issued, Win32Error.describe(issued));
        assertEquals(DequeueStatus.COMPLETED, port.dequeue(got, PATIENCE_SECONDS, SECONDS));
        assertSame(ov, got.overlapped());
    }
}
