package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSARecv with one buffer: a direct buffer is filled by recv() itself; a heap buffer through a
 * pooled direct one (at most {@link BouncePool#SIZE} bytes per read). The peer's FIN reads as
 * success with 0 bytes, as on Windows.
 */
final class RecvOp extends PendingOp {
    private final UnixAsyncSocket owner;
    private ByteBuffer dst;
    /** The last attempt read less than it asked for. */
    private boolean drained;

    RecvOp(UnixAsyncSocket owner, ByteBuffer dst, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.owner = owner;
        this.dst = dst;
    }

    /** This finished read, made the next read of its socket (see UnixAsyncSocket#recycle). */
    RecvOp reuse(ByteBuffer dst, Overlapped overlapped) {
        reuseFor(overlapped);
        this.dst = dst;
        this.drained = false;
        return this;
    }

    @Override
    protected int attempt() {
        Socket s = owner.socket();
        if (s == null) {
            return -Win32Error.WSAENOTCONN; // R52: fails at once, no packet
        }
        try {
            int asked = dst.isDirect() ? dst.remaining() : Math.min(dst.remaining(), BouncePool.SIZE);
            int n = dst.isDirect() ? s.recv(dst, dst.position(), dst.limit()) : recvHeap(s);
            drained = n > 0 && n < asked;
            if (n == 0) {
                return WOULD_BLOCK; // Netty: EAGAIN
            }
            if (n < 0) {
                return 0; // Netty: end of stream; Windows: success, 0 bytes
            }
            dst.position(dst.position() + n);
            return n;
        } catch (IOException | RuntimeException e) {
            return -SocketErrors.of(s, e);
        }
    }

    private int recvHeap(Socket s) throws IOException {
        ByteBuffer b = BouncePool.take(dst.remaining());
        try {
            int n = s.recv(b, 0, b.limit());
            if (n > 0) {
                dst.put(dst.position(), b, 0, n);
            }
            return n;
        } finally {
            BouncePool.give(b);
        }
    }

    @Override
    protected boolean drained() {
        return drained;
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED; // R71: WSARecv on a closed socket
    }
}
