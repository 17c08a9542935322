package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSASend from one buffer or several (gather, sent in order): puts bytes on the connection as
 * room allows and completes once all are out. It works on duplicates, so the caller's positions
 * move when it completes: by everything on success, by what really left on failure, cancel or
 * close.
 */
final class SendOp extends PendingOp {
    private final SimSocket owner;
    private final ByteBuffer[] srcs;
    private final ByteBuffer[] views;
    private int next;
    private int sent;

    SendOp(SimSocket owner, ByteBuffer[] srcs, Overlapped overlapped) {
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
        Endpoint e = owner.endpoint();
        if (e == null) {
            return -Win32Error.WSAENOTCONN;
        }
        if (e.outputShut) {
            return -Win32Error.WSAESHUTDOWN; // after our own shutdownOutput
        }
        if (e.reset) {
            return -Win32Error.ERROR_NETNAME_DELETED;
        }
        while (true) {
            while (next < views.length && !views[next].hasRemaining()) {
                next++;
            }
            if (next == views.length) {
                return sent;
            }
            int room = e.room();
            if (room <= 0) {
                e.waitForRoom();
                return WOULD_BLOCK;
            }
            ByteBuffer v = views[next];
            byte[] chunk = new byte[Math.min(room, v.remaining())];
            v.get(chunk);
            e.send(chunk);
            sent += chunk.length;
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED; // R71: WSASend on a closed socket
    }

    @Override
    protected void completed(int bytes, int error) {
        for (int i = 0; i < srcs.length; i++) {
            srcs[i].position(views[i].position());
        }
    }
}
