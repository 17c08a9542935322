package org.iocp4j.windows;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** Connect, accept, read and write over loopback with the kernel's own AcceptEx, ConnectEx, WSARecv and WSASend. */
class WindowsRoundTripTest extends IoTestSupport {

    @Test
    void connectAcceptWriteRead_directBuffers() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        assertEquals(pair[0].localAddress(), pair[1].remoteAddress());
        assertEquals(pair[1].localAddress(), pair[0].remoteAddress());

        ByteBuffer out = ByteBuffer.allocateDirect(5).put("hello".getBytes(US_ASCII)).flip();
        Overlapped w = new Overlapped();
        settle(pair[0].write(out, w), w);
        assertEquals(5, w.bytesTransferred());
        assertEquals(5, out.position(), "the position moves by what was written");

        ByteBuffer in = ByteBuffer.allocateDirect(16);
        Overlapped r = new Overlapped();
        settle(pair[1].read(in, r), r);
        assertEquals(2, entry.key(), "the packet carries the handle's key");
        assertEquals(5, entry.bytes());
        assertEquals("hello", US_ASCII.decode(in.flip()).toString());
    }

    @Test
    void heapBuffersWorkThroughOneCopy() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        settle(pair[1].write(ByteBuffer.wrap("heap".getBytes(US_ASCII)), w), w);
        ByteBuffer in = ByteBuffer.allocate(8);
        Overlapped r = new Overlapped();
        settle(pair[0].read(in, r), r);
        assertEquals("heap", new String(in.array(), 0, in.position(), US_ASCII));
    }

    @Test
    void acceptCompletesWhenTheConnectionArrives() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 5);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc), "nobody connected yet");
        assertNoPacket();
        try (java.net.Socket peer = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            expectPacket(acc, 0, 0);
            assertEquals(5, entry.key());
            assertNotNull(target.remoteAddress());
            assertEquals(peer.getLocalPort(), target.remoteAddress().getPort());
        }
    }

    @Test
    void aPendingReadCompletesWhenDataArrives_r53() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer in = ByteBuffer.allocateDirect(8);
        Overlapped r = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[1].read(in, r));
        assertNoPacket();
        Overlapped w = new Overlapped();
        assertEquals(ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[] {7, 8, 9}), w));
        Packet read = packetsFor(w, r).get(r);
        assertEquals(0, read.error());
        assertEquals(3, read.bytes());
        assertEquals(2, read.key());
        assertEquals(3, in.position());
    }

    @Test
    void aLargeWriteCompletesOnlyWhenAllIsSent() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        byte[] data = new byte[8 << 20]; // more than the socket buffers hold
        new java.util.Random(42).nextBytes(data);
        ByteBuffer out = ByteBuffer.allocateDirect(data.length).put(data).flip();
        Overlapped w = new Overlapped();
        int issued = pair[0].write(out, w);
        requireStarted(issued); // Winsock may take it all at once (it pins the buffer) or pend

        ByteBuffer got = ByteBuffer.allocate(data.length);
        ByteBuffer in = ByteBuffer.allocateDirect(256 << 10);
        boolean writeDone = false;
        while (got.hasRemaining()) {
            in.clear();
            Overlapped r = new Overlapped();
            requireStarted(pair[1].read(in, r));
            boolean readDone = false;
            while (!readDone) {
                org.iocp4j.CompletionEntry e = next();
                if (e.overlapped() == w) {
                    assertEquals(0, e.error());
                    assertEquals(data.length, e.bytes(), "one packet for the whole write");
                    writeDone = true;
                } else {
                    assertEquals(r, e.overlapped());
                    readDone = true;
                    got.put(in.flip());
                }
            }
        }
        if (!writeDone) {
            expectPacket(w, 0, data.length);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, got.array());
        assertEquals(data.length, out.position());
    }

    @Test
    void scatterAndGather() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer a = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
        ByteBuffer b = ByteBuffer.allocateDirect(4).put(new byte[] {4, 5, 6, 7}).flip();
        Overlapped w = new Overlapped();
        settle(pair[0].write(new ByteBuffer[] {a, ByteBuffer.allocateDirect(0), b}, w), w);
        assertEquals(7, entry.bytes());
        assertEquals(3, a.position());
        assertEquals(4, b.position());

        ByteBuffer x = ByteBuffer.allocateDirect(2);
        ByteBuffer y = ByteBuffer.allocateDirect(10);
        int total = 0;
        while (total < 7) { // the bytes may arrive in two segments
            Overlapped r = new Overlapped();
            settle(pair[1].read(new ByteBuffer[] {x, y}, r), r);
            total += entry.bytes();
        }
        assertEquals(7, total);
        byte[] all = new byte[7];
        x.flip().get(all, 0, 2);
        y.flip().get(all, 2, 5);
        assertEquals("[1, 2, 3, 4, 5, 6, 7]", java.util.Arrays.toString(all));
    }
}
