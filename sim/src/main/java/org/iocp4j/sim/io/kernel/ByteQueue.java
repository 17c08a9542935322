package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/** Bytes that arrived and wait to be read, kept as the segments they came in. */
final class ByteQueue {
    private final ArrayDeque<byte[]> segments = new ArrayDeque<>();
    /** How much of the first segment was read already. */
    private int offset;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(byte[] segment) {
        if (segment.length > 0) {
            segments.add(segment);
            size += segment.length;
        }
    }

    /** Moves up to {@code n} bytes into {@code dst}; returns how many moved. */
    int take(ByteBuffer dst, int n) {
        int moved = 0;
        while (moved < n && dst.hasRemaining()) {
            byte[] first = segments.peek();
            int k = Math.min(Math.min(first.length - offset, n - moved), dst.remaining());
            dst.put(first, offset, k);
            offset += k;
            moved += k;
            if (offset == first.length) {
                segments.poll();
                offset = 0;
            }
        }
        size -= moved;
        return moved;
    }

    void clear() {
        segments.clear();
        offset = 0;
        size = 0;
    }
}
