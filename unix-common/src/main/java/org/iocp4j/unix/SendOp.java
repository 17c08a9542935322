package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSASend with one buffer: sends until every byte of {@code src.remaining()} is out, across as
 * many write-readiness edges as it takes; only then does it complete. A heap buffer goes out
 * through a pooled direct one. The buffer's position moves when the operation completes: by all
 * of it on success, by what really left on failure, cancel or close.
 */
final class SendOp extends PendingOp {
    private final UnixAsyncSocket owner;
    private ByteBuffer src;
    private int start;
    private int total;
    private int sent;

    SendOp(UnixAsyncSocket owner, ByteBuffer src, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        this.owner = owner;
        setBuffer(src);
    }

    /** This finished write, made the next write of its socket (see UnixAsyncSocket#recycle). */
    SendOp reuse(ByteBuffer src, Overlapped overlapped) {
        reuseFor(overlapped);
        setBuffer(src);
        return this;
    }

    private void setBuffer(ByteBuffer src) {
        this.src = src;
        this.start = src.position();
        this.total = src.remaining();
        this.sent = 0;
    }

    @Override
    protected int attempt() {
        Socket s = owner.socket();
        if (s == null) {
            return -Win32Error.WSAENOTCONN;
        }
        try {
            while (sent < total) {
                int n = src.isDirect() ? s.send(src, start + sent, start + total) : sendHeap(s);
                if (n == 0) {
                    return WOULD_BLOCK; // Netty: EAGAIN; the rest goes on the next edge
                }
                sent += n;
            }
            return sent;
        } catch (IOException | RuntimeException e) {
            return -SocketErrors.of(s, e);
        }
    }

    private int sendHeap(Socket s) throws IOException {
        ByteBuffer b = BouncePool.take(total - sent);
        try {
            b.put(0, src, start + sent, b.limit());
            return s.send(b, 0, b.limit());
        } finally {
            BouncePool.give(b);
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED;
    }

    @Override
    protected void completed(int bytes, int error) {
        src.position(start + sent);
    }
}
