package org.iocp4j.epoll.stress;

import java.nio.ByteBuffer;
import org.iocp4j.io.AsyncSocket;

/**
 * One end of a loopback connection, with at most one read and one write in flight, so its two
 * byte streams can be checked exactly: it writes {@link #pattern} from its out offset and must
 * read the same pattern from its in offset, whatever was cancelled or cut short on the way (a
 * cancelled read consumes nothing; a write moves its buffer by what really left). Everything is
 * guarded by this object's lock; lock order: endpoint, then the handle's own locks.
 */
final class Endpoint {
    final int id;
    final AsyncSocket socket;
    final boolean direct;
    /** In skip-on-success mode (R56): an operation done at once has no packet and is finished by its issuer. */
    final boolean skip;
    StressOp reading;
    StressOp writing;
    StressOp connecting;
    long inOffset;
    long outOffset;
    boolean closed;
    private ByteBuffer readBuffer;
    private ByteBuffer writeBuffer;

    Endpoint(int id, AsyncSocket socket, boolean direct, boolean skip) {
        this.id = id;
        this.socket = socket;
        this.direct = direct;
        this.skip = skip;
    }

    /** The byte at offset {@code k} of every stream. */
    static byte pattern(long k) {
        return (byte) ((k * 31) ^ (k >>> 7) ^ (k >>> 17));
    }

    /** The read buffer, cleared. */
    ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = direct ? ByteBuffer.allocateDirect(16 * 1024) : ByteBuffer.allocate(16 * 1024);
        }
        return readBuffer.clear();
    }

    /** The write buffer holding the next {@code n} bytes of this endpoint's out stream. */
    ByteBuffer writeBuffer(int n) {
        if (writeBuffer == null) {
            writeBuffer = direct ? ByteBuffer.allocateDirect(64 * 1024) : ByteBuffer.allocate(64 * 1024);
        }
        writeBuffer.clear().limit(n);
        for (int i = 0; i < n; i++) {
            writeBuffer.put(i, pattern(outOffset + i));
        }
        return writeBuffer;
    }

    /** The first byte of {@code got[from, from+n)} that breaks the in stream, or -1. */
    int mismatch(ByteBuffer got, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (got.get(from + i) != pattern(inOffset + i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "endpoint " + id + (closed ? " (closed)" : "");
    }
}
