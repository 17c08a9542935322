package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The buffer rules every backend enforces before an operation starts, so bad input changes
 * nothing: a read needs writable room; scatter/gather take direct buffers only, as WSABUF arrays
 * point at native memory (the simulator is as strict as the real backends).
 */
final class BufferChecks {
    private BufferChecks() {}

    static void readTarget(ByteBuffer dst, String name) {
        Objects.requireNonNull(dst, name);
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException(name + " is read-only: a read needs a writable buffer");
        }
        if (!dst.hasRemaining()) {
            throw new IllegalArgumentException(name + " has nothing remaining (position == limit): a read needs room; "
                    + "clear() or compact() it first");
        }
    }

    static void scatter(ByteBuffer[] dsts) {
        Objects.requireNonNull(dsts, "dsts");
        long room = 0;
        for (int i = 0; i < dsts.length; i++) {
            String name = "dsts[" + i + "]";
            ByteBuffer b = Objects.requireNonNull(dsts[i], name);
            direct(b, name);
            if (b.isReadOnly()) {
                throw new IllegalArgumentException(name + " is read-only: a read needs writable buffers");
            }
            room += b.remaining();
        }
        if (room == 0) {
            throw new IllegalArgumentException("dsts have nothing remaining: a read needs room in at least one buffer");
        }
    }

    static void gather(ByteBuffer[] srcs) {
        Objects.requireNonNull(srcs, "srcs");
        for (int i = 0; i < srcs.length; i++) {
            String name = "srcs[" + i + "]";
            direct(Objects.requireNonNull(srcs[i], name), name);
        }
    }

    private static void direct(ByteBuffer b, String name) {
        if (!b.isDirect()) {
            throw new IllegalArgumentException(name + " is a heap buffer: scatter/gather operations take direct "
                    + "buffers (ByteBuffer.allocateDirect) on every backend; the single-buffer read and write take "
                    + "heap buffers too");
        }
    }
}
