package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * The OVERLAPPED blocks in native memory: each maps its packet back to the caller's Overlapped
 * without a search, lives until its packet is taken (after a close or a cancel too), or, when no
 * packet can come, until the kernel is done with it; the caller's direct buffer stays reachable
 * while the kernel may write into it.
 */
class WindowsNativeMemoryTest extends IoTestSupport {

    @Test
    void theLeakCheckSeesKernelHandles() throws Exception {
        int before = Handles.count();
        AsyncServerSocket l = listener();
        assertTrue(Handles.count() > before, "a listening socket is a kernel handle the after-test check can see");
        l.close();
        OnWindows.awaitUntil("the socket's handle is closed", () -> Handles.count() <= before);
    }

    @Test
    void r67_aSynchronousSuccessKeepsItsBlockAndItsOverlappedUntilItsPacketIsDequeued() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[3]), ov));
        assertEquals(1, ((WindowsHandle) pair[0]).liveOperations(), "its block waits for its packet");
        int blocks = OpTable.inUse();
        assertThrows(IllegalStateException.class, () -> pair[0].write(ByteBuffer.wrap(new byte[5]), ov));
        assertEquals(blocks, OpTable.inUse(), "the refused reuse allocated nothing");
        expectPacket(ov, 0, 3);
        assertEquals(0, ((WindowsHandle) pair[0]).liveOperations());
        assertNoPacket();
    }

    @Test
    void r56_aSkippedPacketLeavesNoBlockWaitingForIt() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(org.iocp4j.io.IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[5]), w));
        assertNoPacket();
        assertEquals(0, ((WindowsHandle) pair[0]).liveOperations(), "freed at once: the kernel skipped its packet");
    }

    @Test
    void r67_aRefusedReuseAllocatesNothing() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        int blocks = OpTable.inUse();
        assertThrows(IllegalStateException.class, () -> pair[0].write(ByteBuffer.wrap(new byte[1]), r));
        assertEquals(blocks, OpTable.inUse());
        assertEquals(0, ((WindowsHandle) pair[0]).liveOperations());
        assertNoPacket();
        pair[1].cancel(r);
        next();
        assertSame(r, entry.overlapped());
    }

    @Test
    void aPendingReadsBlockOutlivesACancelUntilItsPacket() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(ByteBuffer.allocateDirect(8), r));
        int blocks = OpTable.inUse();
        assertEquals(ERROR_SUCCESS, pair[1].cancel(r));
        assertEquals(blocks, OpTable.inUse(), "cancelled, but the kernel still owns the block");
        assertTrue(r.isInFlight(), "in flight until its packet (R67)");
        next();
        assertSame(r, entry.overlapped());
        assertEquals(blocks - 1, OpTable.inUse(), "freed by its packet");
    }

    @Test
    void aClosedPortLeavesNoBlockBehind() throws Exception {
        CompletionPort other = OnWindows.open(1);
        AsyncServerSocket l = listener();
        l.associate(port, 1);
        AsyncSocket reader = socket();
        AsyncSocket writer = socket();
        reader.associate(other, 2);
        writer.associate(port, 3);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        requireStarted(l.accept(reader, acc));
        requireStarted(writer.connect(l.localAddress(), con));
        packetsFor(acc, con);
        Overlapped r = new Overlapped();
        ByteBuffer in = ByteBuffer.allocate(8);
        assertEquals(ERROR_IO_PENDING, reader.read(in, r));
        other.close(); // the read's packet can never be dequeued now (R38)
        assertTrue(OpTable.stale() >= 1, "the read is in the stale set");
        assertTrue(r.isInFlight(), "the kernel still owns its block");
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, writer.write(ByteBuffer.wrap(new byte[] {6, 7}), w));
        expectPacket(w, 0, 2);
        OnWindows.awaitUntil("the sweep finishes the read from its OVERLAPPED", () -> {
            OpTable.sweep();
            return !r.isInFlight();
        });
        assertEquals(2, r.bytesTransferred());
        assertEquals(2, in.position(), "its heap copy still landed");
        assertEquals(0, OpTable.stale());
    }

    @Test
    void aDirectBufferStaysReachableWhileTheKernelMayWriteIntoIt() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped r = new Overlapped();
        WeakReference<ByteBuffer> held = startReadIntoAnUnreferencedBuffer(pair[1], r);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertNotNull(held.get(), "the operation holds the buffer until it is finished");
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}), w));
        packetsFor(w, r);
        ByteBuffer b = held.get();
        assertNotNull(b);
        assertEquals(3, b.position());
        assertEquals(2, b.get(1));
    }

    private static WeakReference<ByteBuffer> startReadIntoAnUnreferencedBuffer(AsyncSocket s, Overlapped r) {
        ByteBuffer b = ByteBuffer.allocateDirect(16);
        assertEquals(ERROR_IO_PENDING, s.read(b, r));
        return new WeakReference<>(b);
    }

    @Test
    void postedObjectsAndIoPacketsShareThePortWithoutConfusion() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped posted = new Overlapped(); // an Overlapped posted as a plain object stays a plain object
        Overlapped w = new Overlapped();
        port.post(99, 1234, posted);
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[4]), w));
        Map<Object, int[]> got = new IdentityHashMap<>();
        assertEquals(DequeueStatus.COMPLETED, port.poll((k, b, o, e) -> got.put(o, new int[] {(int) k, b, e}), 4,
                PATIENCE_SECONDS, TimeUnit.SECONDS));
        if (got.size() < 2) {
            next();
            got.put(entry.overlapped(), new int[] {(int) entry.key(), entry.bytes(), entry.error()});
        }
        assertEquals(99, got.get(posted)[0]);
        assertEquals(1234, got.get(posted)[1]);
        assertFalse(posted.isInFlight(), "never issued");
        assertEquals(1, got.get(w)[0]);
        assertEquals(4, got.get(w)[1], "the I/O packet, resolved in a batch too");
    }

    @Test
    void manyOperationsInFlightEachMapBackToTheirOwnOverlapped() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 3);
        List<Overlapped> accepts = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // more than the table's first 64 slots
            Overlapped ov = new Overlapped(i);
            accepts.add(ov);
            assertEquals(ERROR_IO_PENDING, l.accept(socket(), ov));
        }
        assertEquals(ERROR_SUCCESS, l.cancelAll());
        Map<Overlapped, Packet> done = packetsFor(accepts.toArray(new Overlapped[0]));
        for (Overlapped ov : accepts) {
            assertEquals(org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED, done.get(ov).error(), "accept " + ov.attachment());
        }
        assertNoPacket();
    }
}
