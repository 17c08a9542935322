package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * WSARecv into one buffer or several (scatter, filled in order): takes what arrived, up to the
 * room in the buffers (fewer with an injected short read). The peer's FIN reads as success with 0
 * bytes, as on Windows.
 */
final class RecvOp extends PendingOp {
    private final SimSocket owner;
    private final ByteBuffer[] dsts;

    RecvOp(SimSocket owner, ByteBuffer[] dsts, Overlapped overlapped) {
        super(overlapped, Direction.READ);
        this.owner = owner;
        this.dsts = dsts;
    }

    @Override
    protected int attempt() {
        Endpoint e = owner.endpoint();
        if (e == null) {
            return -Win32Error.WSAENOTCONN; // R52: fails at once, no packet
        }
        if (e.reset) {
            return -Win32Error.ERROR_NETNAME_DELETED;
        }
        if (e.received.isEmpty()) {
            return e.finArrived ? 0 : WOULD_BLOCK;
        }
        long room = 0;
        for (ByteBuffer b : dsts) {
            room += b.remaining();
        }
        int n = owner.kernel.faults.readSize((int) Math.min(room, e.received.size()));
        int moved = 0;
        for (ByteBuffer b : dsts) {
            moved += e.received.take(b, n - moved);
            if (moved == n) {
                break;
            }
        }
        e.consumed(moved);
        return moved;
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_CONNECTION_ABORTED; // R71: WSARecv on a closed socket
    }

    @Override
    protected void completed(int bytes, int error) {
        owner.readEnded(this);
    }
}
