package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSASend with several direct buffers, sent in order with writev() until all is out. It works on
 * duplicates, so the caller's positions move only when it completes (by what really left).
 */
final class GatherSendOp extends PendingOp {
    private final UnixAsyncSocket owner;
    private final ByteBuffer[] srcs;
    private final ByteBuffer[] views;
    private int next;
    private int sent;

    GatherSendOp(UnixAsyncSocket owner, ByteBuffer[] srcs, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        this.owner = owner;
        this.srcs = srcs;
        this.views = new ByteBuffer[srcs.length];
        for (int i = 0; i < srcs.length; i++) {
            views[i] = srcs[i].duplicate();
        }
    }

    @Override
    protected int attempt() {
        Socket s = owner.socket();
        if (s == null) {
            return -Win32Error.WSAENOTCONN;
        }
        try {
            while (skipEmpty() < views.length) {
                long n = s.writev(views, next, views.length - next, Long.MAX_VALUE);
                if (n == 0) {
                    return WOULD_BLOCK;
                }
                advance(n);
            }
            return sent;
        } catch (IOException | RuntimeException e) {
            return -SocketErrors.of(s, e);
        }
    }

    private int skipEmpty() {
        while (next < views.length && !views[next].hasRemaining()) {
            next++;
        }
        return next;
    }

    private void advance(long n) {
        sent += (int) n;
        while (n > 0) {
            ByteBuffer b = views[next];
            int r = b.remaining();
            if (n >= r) {
                b.position(b.limit());
                n -= r;
                next++;
            } else {
                b.position(b.position() + (int) n);
                n = 0;
            }
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED;
    }

    @Override
    protected void completed(int bytes, int error) {
        for (int i = 0; i < srcs.length; i++) {
            srcs[i].position(views[i].position());
        }
    }
}
