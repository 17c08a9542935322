package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSARecv with several direct buffers, filled in order: recv() into each until one is left
 * with room or the socket has no more (Netty's natives have no readv). Completes with what
 * arrived; at end of stream with what came before it, or 0.
 */
final class ScatterRecvOp extends PendingOp {
    private final UnixAsyncSocket owner;
    /** The caller's buffers, in the first {@link #count} slots (a copy of its array, kept for reuse). */
    private ByteBuffer[] dsts = new ByteBuffer[0];
    private int count;

    ScatterRecvOp(UnixAsyncSocket owner, ByteBuffer[] dsts, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.owner = owner;
        setBuffers(dsts);
    }

    /** This finished scatter read, made the next of its socket (see UnixAsyncSocket#recycle). */
    ScatterRecvOp reuse(ByteBuffer[] given, Overlapped overlapped) {
        reuseFor(overlapped);
        setBuffers(given);
        drained = false;
        return this;
    }

    private void setBuffers(ByteBuffer[] given) {
        if (dsts.length < given.length) {
            dsts = new ByteBuffer[given.length];
        }
        System.arraycopy(given, 0, dsts, 0, given.length);
        for (int i = given.length; i < count; i++) {
            dsts[i] = null; // hold no buffer the caller no longer gives
        }
        count = given.length;
    }

    /** The last attempt read less than it asked for. */
    private boolean drained;

    @Override
    protected int attempt() {
        Socket s = owner.socket();
        if (s == null) {
            return -Win32Error.WSAENOTCONN;
        }
        int total = 0;
        drained = false;
        for (int i = 0; i < count; i++) {
            ByteBuffer b = dsts[i];
            if (!b.hasRemaining()) {
                continue;
            }
            int n;
            try {
                n = s.recv(b, b.position(), b.limit());
            } catch (IOException | RuntimeException e) {
                return total > 0 ? total : -SocketErrors.of(s, e); // the error comes back on the next read
            }
            if (n <= 0) {
                return total > 0 || n < 0 ? total : WOULD_BLOCK; // n < 0: end of stream
            }
            b.position(b.position() + n);
            total += n;
            if (b.hasRemaining()) {
                drained = true;
                break; // the socket had no more for now
            }
        }
        return total;
    }

    @Override
    protected boolean drained() {
        return drained;
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED;
    }
}
