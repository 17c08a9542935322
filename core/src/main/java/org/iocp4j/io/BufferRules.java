package org.iocp4j.io;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The buffer rules every backend enforces before an operation starts, so bad input changes
 * nothing: a read needs a writable buffer with room; scatter and gather take direct buffers only,
 * because their buffers go to the kernel as they are (WSABUF arrays, iovecs); the single-buffer
 * read and write take heap buffers too, through one copy.
 */
public final class BufferRules {
    private BufferRules() {}

    /**
     * A read target: not read-only, something remaining.
     *
     * @throws IllegalArgumentException naming {@code name} and what to do
     */
    public static void checkReadTarget(ByteBuffer dst, String name) {
        Objects.requireNonNull(dst, name);
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException(name + " is read-only: a read needs a writable buffer");
        }
        if (!dst.hasRemaining()) {
            throw new IllegalArgumentException(name + " has nothing remaining (position == limit): a read needs room; "
                    + "clear() or compact() it first");
        }
    }

    /**
     * Scatter-read targets: every buffer direct and writable, room in at least one.
     *
     * @return the room in all of them
     */
    public static long checkScatter(ByteBuffer[] dsts) {
        Objects.requireNonNull(dsts, "dsts");
        long room = 0;
        for (int i = 0; i < dsts.length; i++) {
            ByteBuffer b = dsts[i];
            if (b == null || !b.isDirect()) {
                requireDirect(b, "dsts[" + i + "]"); // names are built only to fail: checks allocate nothing
            }
            if (b.isReadOnly()) {
                throw new IllegalArgumentException("dsts[" + i + "] is read-only: a read needs writable buffers");
            }
            room += b.remaining();
        }
        if (room == 0) {
            throw new IllegalArgumentException("dsts have nothing remaining: a read needs room in at least one buffer");
        }
        return room;
    }

    /**
     * Gather-write sources: every buffer direct.
     *
     * @return the bytes remaining in all of them
     */
    public static long checkGather(ByteBuffer[] srcs) {
        Objects.requireNonNull(srcs, "srcs");
        long total = 0;
        for (int i = 0; i < srcs.length; i++) {
            ByteBuffer b = srcs[i];
            if (b == null || !b.isDirect()) {
                requireDirect(b, "srcs[" + i + "]");
            }
            total += b.remaining();
        }
        return total;
    }

    private static void requireDirect(ByteBuffer b, String name) {
        Objects.requireNonNull(b, name);
        if (!b.isDirect()) {
            throw new IllegalArgumentException(name + " is a heap buffer: scatter/gather operations hand the "
                    + "buffers to the kernel as they are and need direct buffers (ByteBuffer.allocateDirect); "
                    + "the single-buffer read and write accept heap buffers through one copy");
        }
    }
}
