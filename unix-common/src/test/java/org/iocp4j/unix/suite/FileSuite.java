package org.iocp4j.unix.suite;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_HANDLE_EOF;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_OPERATION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.Overlapped;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files at an offset on the helper pool: every operation is pending and completes by packet. */
public abstract class FileSuite extends IoSuiteSupport {
    @TempDir
    Path dir;

    private AsyncFile open(String name, java.nio.file.OpenOption... options) throws Exception {
        AsyncFile f = closeLater(io.openFile(dir.resolve(name), options));
        f.associate(port, 21);
        return f;
    }

    @Test
    void writesAndReadsLandAtTheirOffsets() throws Exception {
        AsyncFile f = open("a", READ, WRITE, CREATE);
        Overlapped w1 = new Overlapped();
        Overlapped w2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, f.write(ByteBuffer.wrap("world".getBytes(US_ASCII)), 6, w1));
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put("hello ".getBytes(US_ASCII)).flip();
        assertEquals(ERROR_IO_PENDING, f.write(direct, 0, w2));
        Map<Overlapped, Packet> done = packetsFor(w1, w2);
        assertEquals(5, done.get(w1).bytes());
        assertEquals(6, done.get(w2).bytes());
        assertEquals(21, done.get(w2).key());
        assertEquals(6, direct.position(), "the position moves by what was written");
        assertEquals(11, f.size());
        assertEquals("hello world", Files.readString(dir.resolve("a"), US_ASCII));

        ByteBuffer in = ByteBuffer.allocateDirect(5);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, f.read(in, 6, r));
        expectPacket(r, 0, 5);
        assertEquals("world", US_ASCII.decode(in.flip()).toString());

        ByteBuffer heap = ByteBuffer.allocate(5);
        Overlapped r2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, f.read(heap, 0, r2));
        expectPacket(r2, 0, 5);
        assertEquals("hello", new String(heap.array(), US_ASCII));
    }

    @Test
    void aReadThatMeetsTheEndReturnsWhatThereIs() throws Exception {
        Files.write(dir.resolve("b"), new byte[] {1, 2, 3});
        AsyncFile f = open("b", READ);
        ByteBuffer in = ByteBuffer.allocate(10);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, f.read(in, 1, r));
        expectPacket(r, 0, 2);
        assertArrayEquals(new byte[] {2, 3}, java.util.Arrays.copyOf(in.array(), in.position()));
    }

    @Test
    void readingAtOrPastTheEndFailsWithHandleEofByPacket() throws Exception {
        Files.write(dir.resolve("c"), new byte[] {1, 2, 3});
        AsyncFile f = open("c", READ);
        Overlapped atEnd = new Overlapped();
        Overlapped past = new Overlapped();
        assertEquals(ERROR_IO_PENDING, f.read(ByteBuffer.allocate(4), 3, atEnd));
        assertEquals(ERROR_IO_PENDING, f.read(ByteBuffer.allocate(4), 100, past));
        Map<Overlapped, Packet> done = packetsFor(atEnd, past);
        assertEquals(ERROR_HANDLE_EOF, done.get(atEnd).error(), "R53: a pending EOF queues a failed packet");
        assertEquals(ERROR_HANDLE_EOF, done.get(past).error());
        assertEquals(0, done.get(past).bytes());
    }

    @Test
    void writingAFileOpenedForReadingIsAccessDeniedAtOnce() throws Exception {
        Files.write(dir.resolve("d"), new byte[] {1});
        AsyncFile f = open("d", READ);
        Overlapped w = new Overlapped();
        assertEquals(Win32Error.ERROR_ACCESS_DENIED, f.write(ByteBuffer.wrap(new byte[1]), 0, w));
        assertFalse(w.isInFlight());
        assertNoPacket();
        AsyncFile wo = open("e", WRITE, CREATE);
        assertEquals(Win32Error.ERROR_ACCESS_DENIED, wo.read(ByteBuffer.allocate(1), 0, new Overlapped()));
        assertNoPacket();
    }

    @Test
    void cancelAndCloseCompleteEveryOperationOnceAndLeaveTheBufferAlone() throws Exception {
        byte[] data = new byte[1 << 20];
        Files.write(dir.resolve("f"), data);
        AsyncFile f = open("f", READ);
        int n = 64; // more than the helpers run at once: some are still queued when cancelled
        Overlapped[] ovs = new Overlapped[n];
        ByteBuffer[] bufs = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            ovs[i] = new Overlapped();
            bufs[i] = ByteBuffer.allocateDirect(16 << 10);
            assertEquals(ERROR_IO_PENDING, f.read(bufs[i], (long) i * (16 << 10), ovs[i]));
        }
        int cancelled = f.cancelAll();
        assertTrue(cancelled == ERROR_SUCCESS || cancelled == org.iocp4j.Win32Error.ERROR_NOT_FOUND);
        f.close();
        Map<Overlapped, Packet> done = packetsFor(ovs); // exactly one each (R53, R65, R71)
        for (int i = 0; i < n; i++) {
            Packet p = done.get(ovs[i]);
            // R66: a cancel races with completion; an operation is aborted or completes normally
            assertTrue(p.error() == ERROR_OPERATION_ABORTED || (p.error() == 0 && p.bytes() == 16 << 10), p.toString());
            int position = bufs[i].position();
            assertTrue(position == 0 || position == 16 << 10, "the buffer shows what really landed: " + position);
            assertFalse(ovs[i].isInFlight());
        }
        assertNoPacket();
    }
}
