package org.iocp4j.conformance.io;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.iocp4j.CompletionEntry;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/** Connect, accept, read and write (R51, R53); bytes land in the caller's buffer. */
public abstract class IoRoundTripSuite extends IoSuite {

    /** For subclasses. */
    protected IoRoundTripSuite() {}

    @Test
    public void connectAcceptWriteRead_directBuffers() throws Exception {
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
    public void heapBuffersWork() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        Overlapped w = new Overlapped();
        settle(pair[1].write(ByteBuffer.wrap("heap".getBytes(US_ASCII)), w), w);
        ByteBuffer in = ByteBuffer.allocate(8);
        Overlapped r = new Overlapped();
        settle(pair[0].read(in, r), r);
        assertEquals("heap", new String(in.array(), 0, in.position(), US_ASCII));
    }

    @Test
    public void r53_aPendingReadCompletesWhenDataArrives() throws Exception {
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
    public void aLargeWriteCompletesOnlyWhenAllIsSent() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        byte[] data = new byte[8 << 20]; // more than the socket buffers hold: the write must wait for the reader
        new Random(42).nextBytes(data);
        ByteBuffer out = ByteBuffer.allocateDirect(data.length).put(data).flip();
        Overlapped w = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[0].write(out, w), "8 MiB cannot leave at once");

        ByteBuffer got = ByteBuffer.allocate(data.length);
        ByteBuffer in = ByteBuffer.allocateDirect(256 << 10);
        Overlapped r = new Overlapped();
        boolean writeDone = false;
        while (got.hasRemaining()) {
            in.clear();
            expectIssued(pair[1].read(in, r));
            boolean readDone = false;
            while (!readDone) {
                CompletionEntry e = next();
                if (e.overlapped() == w) {
                    assertEquals(0, e.error());
                    assertEquals(data.length, e.bytes(), "one packet for the whole write");
                    writeDone = true;
                } else {
                    assertEquals(r, e.overlapped());
                    assertEquals(0, e.error());
                    readDone = true;
                    got.put(in.flip());
                }
            }
        }
        if (!writeDone) {
            expectPacket(w, 0, data.length);
        }
        assertArrayEquals(data, got.array());
        assertEquals(data.length, out.position());
    }

    @Test
    public void scatterAndGather() throws Exception {
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
        while (total < 7) { // the bytes may arrive in more than one segment
            Overlapped r = new Overlapped();
            settle(pair[1].read(new ByteBuffer[] {x, y}, r), r);
            total += entry.bytes();
        }
        assertEquals(7, total);
        byte[] all = new byte[7];
        x.flip().get(all, 0, 2);
        y.flip().get(all, 2, 5);
        assertEquals("[1, 2, 3, 4, 5, 6, 7]", Arrays.toString(all));
    }

    /**
     * A socket may keep a finished gather or scatter for its next one; whatever it keeps, each
     * operation sends from, or fills, exactly the buffers it is given this time: the same ones
     * again with new bounds, fewer, other ones, or the same in another order.
     */
    @Test
    public void consecutiveGathersAndScattersOfChangingShapesUseTheBuffersGivenEachTime() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer a = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
        ByteBuffer b = ByteBuffer.allocateDirect(2).put(new byte[] {4, 5}).flip();
        gather(pair[0], 5, a, b);
        assertEquals(3, a.position());
        assertEquals(2, b.position());
        a.clear().put(new byte[] {7, 8, 9}).flip();
        b.clear().put((byte) 10).flip(); // a smaller limit than before
        gather(pair[0], 4, a, b); // the same two again
        gather(pair[0], 1, ByteBuffer.allocateDirect(1).put((byte) 6).flip()); // fewer, another
        b.rewind();
        a.position(1);
        gather(pair[0], 3, b, a); // the same two, swapped
        assertEquals(1, b.position());
        assertEquals(3, a.position());

        ByteBuffer x = ByteBuffer.allocateDirect(2);
        ByteBuffer y = ByteBuffer.allocateDirect(3);
        ByteBuffer z = ByteBuffer.allocateDirect(4);
        ByteBuffer[][] shapes = {{x, y}, {x, y}, {z}, {y, x}};
        ByteBuffer got = ByteBuffer.allocate(13);
        for (int i = 0; got.hasRemaining(); i++) { // the bytes may arrive in more than one segment
            ByteBuffer[] shape = shapes[i % shapes.length];
            for (ByteBuffer d : shape) {
                d.clear();
            }
            Overlapped r = new Overlapped();
            settle(pair[1].read(shape, r), r);
            for (ByteBuffer d : shape) {
                got.put(d.flip());
            }
        }
        assertEquals("[1, 2, 3, 4, 5, 7, 8, 9, 10, 6, 10, 8, 9]", Arrays.toString(got.array()));
    }

    private void gather(AsyncSocket s, int bytes, ByteBuffer... srcs) throws Exception {
        Overlapped w = new Overlapped();
        settle(s.write(srcs, w), w);
        assertEquals(bytes, w.bytesTransferred());
    }

    @Test
    public void acceptCompletesWhenTheConnectionArrives() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 5);
        AsyncSocket target = socket();
        Overlapped acc = new Overlapped();
        assertEquals(ERROR_IO_PENDING, l.accept(target, acc), "nobody connected yet");
        assertNoPacket();
        AsyncSocket client = socket();
        client.associate(port, 6);
        Overlapped con = new Overlapped();
        expectIssued(client.connect(l.localAddress(), con));
        Packet accepted = packetsFor(acc, con).get(acc);
        assertEquals(0, accepted.error());
        assertEquals(0, accepted.bytes(), "AcceptEx without a receive buffer");
        assertEquals(5, accepted.key(), "the accept belongs to the listening socket");
        assertEquals(client.localAddress(), target.remoteAddress());
        assertEquals(l.localAddress().getPort(), target.localAddress().getPort());
    }

    @Test
    public void aWriteIssuedWhileAnotherWaitsCompletesAfterIt() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        ByteBuffer big = ByteBuffer.allocateDirect(4 << 20);
        Overlapped w1 = new Overlapped();
        Overlapped w2 = new Overlapped();
        assertEquals(ERROR_IO_PENDING, pair[0].write(big, w1), "4 MiB cannot leave at once");
        assertEquals(ERROR_IO_PENDING, pair[0].write(ByteBuffer.wrap(new byte[] {1}), w2), "behind the first");
        ByteBuffer in = ByteBuffer.allocateDirect(1 << 20);
        boolean first = false;
        boolean second = false;
        while (!second) {
            in.clear();
            Overlapped r = new Overlapped();
            expectIssued(pair[1].read(in, r));
            for (boolean readDone = false; !readDone; ) {
                CompletionEntry e = next();
                if (e.overlapped() == w1) {
                    assertFalse(second, "the first write completes first");
                    first = true;
                } else if (e.overlapped() == w2) {
                    assertTrue(first, "operations of one direction complete in the order they were issued");
                    second = true;
                } else {
                    assertEquals(0, e.error());
                    readDone = true;
                }
            }
        }
    }
}
