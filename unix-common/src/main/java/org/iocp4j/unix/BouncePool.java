package org.iocp4j.unix;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers that carry a heap buffer's bytes to and from a native call (Netty's natives need
 * direct memory). A buffer is taken and given back within one attempt, so a few serve all
 * threads; when none is free a new one is made, and kept only while the pool has room.
 */
final class BouncePool {
    /** The most one attempt moves through a bounce buffer; a heap read returns at most this much. */
    static final int SIZE = 64 * 1024;
    private static final ArrayBlockingQueue<ByteBuffer> FREE = new ArrayBlockingQueue<>(16);

    private BouncePool() {}

    /** A cleared direct buffer limited to {@code min(want, SIZE)} bytes; give it back with {@link #give}. */
    static ByteBuffer take(int want) {
        ByteBuffer b = FREE.poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(SIZE);
        }
        b.clear().limit(Math.min(want, SIZE));
        return b;
    }

    static void give(ByteBuffer b) {
        FREE.offer(b); // dropped (and freed by the GC) when the pool is full
    }
}
