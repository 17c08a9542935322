package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.GatherSend;
import org.iocp4j.io.Overlapped;

/**
 * WSASend on a simulated connection: puts the bytes of the caller's buffers (gather, in order)
 * on the connection as room allows and completes once all are out ({@link GatherSend} keeps the
 * buffers and their positions).
 */
final class SendOp extends GatherSend {
    private final SimSocket owner;

    SendOp(SimSocket owner, ByteBuffer[] srcs, Overlapped overlapped) {
        super(srcs, overlapped);
        this.owner = owner;
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
        for (int i = firstWithBytes(); i < count; i = firstWithBytes()) {
            int room = e.room();
            if (room <= 0) {
                e.waitForRoom();
                return WOULD_BLOCK;
            }
            ByteBuffer v = views[i];
            byte[] chunk = new byte[Math.min(room, v.remaining())];
            v.get(chunk);
            e.send(chunk);
            sent += chunk.length;
        }
        return sent;
    }
}
