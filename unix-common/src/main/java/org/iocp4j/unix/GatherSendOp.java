package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.GatherSend;
import org.iocp4j.io.Overlapped;

/**
 * WSASend with several direct buffers, sent in order with writev() until all is out
 * ({@link GatherSend} keeps the buffers and their positions).
 */
final class GatherSendOp extends GatherSend {
    private final UnixAsyncSocket owner;

    GatherSendOp(UnixAsyncSocket owner, ByteBuffer[] srcs, Overlapped overlapped) {
        super(srcs, overlapped);
        this.owner = owner;
    }

    /** This finished gather, made the next gather of its socket (see UnixAsyncSocket#recycle). */
    GatherSendOp reuse(ByteBuffer[] srcs, Overlapped overlapped) {
        reuseWith(srcs, overlapped);
        return this;
    }

    @Override
    protected int attempt() {
        Socket s = owner.socket();
        if (s == null) {
            return -Win32Error.WSAENOTCONN;
        }
        try {
            for (int i = firstWithBytes(); i < count; i = firstWithBytes()) {
                long n = s.writev(views, i, count - i, Long.MAX_VALUE);
                if (n == 0) {
                    return WOULD_BLOCK;
                }
                advance(i, n);
            }
            return sent;
        } catch (IOException | RuntimeException e) {
            return -SocketErrors.of(s, e);
        }
    }

    /** writev took {@code n} bytes from the views starting at {@code i}: move their positions. */
    private void advance(int i, long n) {
        sent += (int) n;
        while (n > 0) {
            ByteBuffer b = views[i++];
            int r = b.remaining();
            if (n >= r) {
                b.position(b.limit());
                n -= r;
            } else {
                b.position(b.position() + (int) n);
                n = 0;
            }
        }
    }
}
