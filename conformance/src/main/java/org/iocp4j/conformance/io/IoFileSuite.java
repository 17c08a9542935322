package org.iocp4j.conformance.io;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_HANDLE_EOF;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files at an offset (ReadFile, WriteFile): every operation is pending and completes by packet
 * (R53), end of file included; cancel and close complete each operation once (R64-R71).
 */
public abstract class IoFileSuite extends IoSuite {
    /** Where the tests put their files (the simulator keeps them in memory under this name). */
    @TempDir
    protected Path dir;

    /** For subclasses. */
    protected IoFileSuite() {}

    private AsyncFile open(String name, OpenOption... options) throws Exception {
        AsyncFile f = closeLater(io.openFile(dir.resolve(name), options));
        f.associate(port, 21);
        return f;
    }

    /** A file holding {@code content}, written through the API, open for reading. */
    private AsyncFile withContent(String name, byte[] content) throws Exception {
        try (AsyncFile w = io.openFile(dir.resolve(name), WRITE, CREATE)) {
            w.associate(port, 22);
            Overlapped ov = new Overlapped();
            settle(w.write(ByteBuffer.wrap(content), 0, ov), ov);
            assertEquals(content.length, entry.bytes());
        }
        return open(name, READ);
    }

    @Test
    public void writesAndReadsLandAtTheirOffsets() throws Exception {
        AsyncFile f = open("a", READ, WRITE, CREATE);
        Overlapped w1 = new Overlapped();
        Overlapped w2 = new Overlapped();
        assertQueuesAPacket(f.write(ByteBuffer.wrap("world".getBytes(US_ASCII)), 6, w1));
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put("hello ".getBytes(US_ASCII)).flip();
        assertQueuesAPacket(f.write(direct, 0, w2));
        Map<Overlapped, Packet> done = packetsFor(w1, w2);
        assertEquals(5, done.get(w1).bytes());
        assertEquals(6, done.get(w2).bytes());
        assertEquals(21, done.get(w2).key());
        assertEquals(6, direct.position(), "the position moves by what was written");
        assertEquals(11, f.size());

        ByteBuffer in = ByteBuffer.allocateDirect(5);
        Overlapped r = new Overlapped();
        assertQueuesAPacket(f.read(in, 6, r));
        expectPacket(r, 0, 5);
        assertEquals("world", US_ASCII.decode(in.flip()).toString());

        ByteBuffer heap = ByteBuffer.allocate(11);
        Overlapped r2 = new Overlapped();
        assertQueuesAPacket(f.read(heap, 0, r2));
        expectPacket(r2, 0, 11);
        assertEquals("hello world", new String(heap.array(), US_ASCII));
    }

    @Test
    public void aWritePastTheEndGrowsTheFileWithZeros() throws Exception {
        AsyncFile f = open("g", READ, WRITE, CREATE);
        Overlapped w = new Overlapped();
        settle(f.write(ByteBuffer.wrap(new byte[] {9}), 3, w), w);
        assertEquals(4, f.size());
        ByteBuffer in = ByteBuffer.allocate(8);
        Overlapped r = new Overlapped();
        settle(f.read(in, 0, r), r);
        assertArrayEquals(new byte[] {0, 0, 0, 9}, Arrays.copyOf(in.array(), in.position()));
    }

    @Test
    public void aReadThatMeetsTheEndReturnsWhatThereIs() throws Exception {
        AsyncFile f = withContent("b", new byte[] {1, 2, 3});
        ByteBuffer in = ByteBuffer.allocate(10);
        Overlapped r = new Overlapped();
        assertQueuesAPacket(f.read(in, 1, r));
        expectPacket(r, 0, 2);
        assertArrayEquals(new byte[] {2, 3}, Arrays.copyOf(in.array(), in.position()));
    }

    @Test
    public void readingAtOrPastTheEndFailsWithHandleEofByPacket() throws Exception {
        AsyncFile f = withContent("c", new byte[] {1, 2, 3});
        Overlapped atEnd = new Overlapped();
        Overlapped past = new Overlapped();
        int[] issued = {f.read(ByteBuffer.allocate(4), 3, atEnd), f.read(ByteBuffer.allocate(4), 100, past)};
        Overlapped[] ovs = {atEnd, past};
        List<Overlapped> byPacket = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (issued[i] == ERROR_HANDLE_EOF) {
                assertFalse(ovs[i].isInFlight(), "R53: failed at once, so no packet comes"); // as Windows may
            } else {
                assertEquals(ERROR_IO_PENDING, issued[i]);
                byPacket.add(ovs[i]);
            }
        }
        Map<Overlapped, Packet> done = packetsFor(byPacket.toArray(Overlapped[]::new));
        for (Packet p : done.values()) {
            assertEquals(ERROR_HANDLE_EOF, p.error(), "R53: a pending EOF queues a failed packet");
            assertEquals(0, p.bytes());
        }
        assertNoPacket();
    }

    @Test
    public void anOperationTheAccessModeForbidsIsAccessDeniedAtOnce() throws Exception {
        AsyncFile f = withContent("d", new byte[] {1});
        Overlapped w = new Overlapped();
        assertEquals(Win32Error.ERROR_ACCESS_DENIED, f.write(ByteBuffer.wrap(new byte[1]), 0, w));
        assertFalse(w.isInFlight());
        assertNoPacket();
        AsyncFile wo = open("e", WRITE, CREATE);
        assertEquals(Win32Error.ERROR_ACCESS_DENIED, wo.read(ByteBuffer.allocate(1), 0, new Overlapped()));
        assertNoPacket();
    }

    @Test
    public void cancelAndCloseCompleteEveryOperationOnceAndLeaveTheBufferAlone() throws Exception {
        abortEveryReadOnce(true);
    }

    /**
     * R65 on files: cancelAll alone, before any close, completes every pending read once, some of
     * them aborted: 64 reads of 256 KiB, far more than the emulation's helpers run at once, so
     * some are still waiting for one when it comes. A read that finished first reports its bytes.
     */
    @Test
    public void r65_cancelAllAloneCompletesEveryPendingFileOperationOnce() throws Exception {
        int chunk = 256 << 10;
        int n = 64;
        AsyncFile f = withContent("h", new byte[n * chunk]);
        Overlapped[] ovs = new Overlapped[n];
        ByteBuffer[] bufs = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            ovs[i] = new Overlapped();
            bufs[i] = ByteBuffer.allocateDirect(chunk);
        }
        for (int i = 0; i < n; i++) { // the reads go out back to back, their buffers made first
            assertQueuesAPacket(f.read(bufs[i], (long) i * chunk, ovs[i]));
        }
        int cancelled = f.cancelAll();
        Map<Overlapped, Packet> done = packetsFor(ovs); // no close: the cancel alone completes them
        int aborted = 0;
        for (int i = 0; i < n; i++) {
            Packet p = done.get(ovs[i]);
            if (p.error() == ERROR_OPERATION_ABORTED) {
                aborted++;
            } else {
                assertEquals(0, p.error(), () -> Win32Error.describe(p.error()));
            }
            assertEquals(p.bytes(), bufs[i].position(), "the buffer moved by what the packet reports");
        }
        assertEquals(ERROR_SUCCESS, cancelled, "some reads were still pending");
        assertTrue(aborted > 0, "the cancel aborted nothing");
        assertNoPacket();
    }

    /** R71 alone: a close with file operations pending completes each once, aborted or done. */
    @Test
    public void r71_closeCompletesEveryPendingFileOperationOnce() throws Exception {
        abortEveryReadOnce(false);
    }

    private void abortEveryReadOnce(boolean cancelFirst) throws Exception {
        int chunk = 16 << 10;
        int n = 64; // more than the epoll helpers run at once: some are still queued when aborted
        AsyncFile f = withContent("f", new byte[n * chunk]);
        Overlapped[] ovs = new Overlapped[n];
        ByteBuffer[] bufs = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            ovs[i] = new Overlapped();
            bufs[i] = ByteBuffer.allocateDirect(chunk);
            assertQueuesAPacket(f.read(bufs[i], (long) i * chunk, ovs[i]));
        }
        if (cancelFirst) {
            int cancelled = f.cancelAll();
            assertTrue(cancelled == ERROR_SUCCESS || cancelled == ERROR_NOT_FOUND);
        }
        f.close();
        Map<Overlapped, Packet> done = packetsFor(ovs); // exactly one each (R53, R65, R71)
        for (int i = 0; i < n; i++) {
            Packet p = done.get(ovs[i]);
            // R66: a cancel or close races with completion; an operation is aborted or completes
            assertTrue(p.error() == ERROR_OPERATION_ABORTED || (p.error() == 0 && p.bytes() == chunk), p.toString());
            int position = bufs[i].position();
            assertTrue(position == 0 || position == chunk, "the buffer shows what really landed: " + position);
            assertFalse(ovs[i].isInFlight());
        }
        assertNoPacket();
    }
}
