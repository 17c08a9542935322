package org.iocp4j.windows;

import java.nio.ByteBuffer;
import java.util.Objects;

/** Checks the caller's buffers before an operation starts, so bad input changes nothing. */
final class BufferChecks {
    private BufferChecks() {}

    /** A read needs room to fill: not read-only, something remaining. */
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

    /** Scatter reads: every buffer direct and writable, at least one byte of room in all. */
    static void scatter(ByteBuffer[] dsts) {
        Objects.requireNonNull(dsts, "dsts");
        long room = 0;
        for (int i = 0; i < dsts.length; i++) {
            String name = "dsts[" + i + "]";
            ByteBuffer b = Objects.requireNonNull(dsts[i], name);
            requireDirect(b, name);
            if (b.isReadOnly()) {
                throw new IllegalArgumentException(name + " is read-only: a read needs writable buffers");
            }
            room += b.remaining();
        }
        if (room == 0) {
            throw new IllegalArgumentException("dsts have nothing remaining: a read needs room in at least one buffer");
        }
        requireDwordTotal(room, "dsts");
    }

    /** Gather writes: every buffer direct. */
    static void gather(ByteBuffer[] srcs) {
        Objects.requireNonNull(srcs, "srcs");
        long total = 0;
        for (int i = 0; i < srcs.length; i++) {
            String name = "srcs[" + i + "]";
            ByteBuffer b = Objects.requireNonNull(srcs[i], name);
            requireDirect(b, name);
            total += b.remaining();
        }
        requireDwordTotal(total, "srcs");
    }

    private static void requireDirect(ByteBuffer b, String name) {
        if (!b.isDirect()) {
            throw new IllegalArgumentException(name + " is a heap buffer: scatter/gather operations hand the "
                    + "buffers to the kernel as they are and need direct buffers (ByteBuffer.allocateDirect); "
                    + "the single-buffer read and write accept heap buffers through one copy");
        }
    }

    /** One operation reports its bytes as a DWORD that Java reads as an int. */
    private static void requireDwordTotal(long total, String name) {
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " hold " + total + " bytes; one operation moves at most "
                    + Integer.MAX_VALUE + ": split it");
        }
    }
}
