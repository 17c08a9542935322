package org.iocp4j.internal.io;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * WSASend from one buffer or several, sent in order (gather), for every emulating backend. It
 * works on duplicates of the caller's buffers, so their positions move only when the operation
 * completes: by everything on success, by what really left on failure, cancel or close. A send
 * on a socket closed under it completes with ERROR_CONNECTION_ABORTED (R71). A backend's
 * {@link #attempt()} moves bytes out of {@link #views}, from {@link #firstWithBytes()} on, and
 * counts them in {@link #sent}.
 */
public abstract class GatherSend extends PendingOp {
    private final ByteBuffer[] srcs;
    /** Duplicates of the caller's buffers; their positions are what has left. */
    protected final ByteBuffer[] views;
    /** Bytes that have left so far. */
    protected int sent;
    private int next;

    protected GatherSend(ByteBuffer[] srcs, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        this.srcs = srcs;
        this.views = new ByteBuffer[srcs.length];
        for (int i = 0; i < srcs.length; i++) {
            views[i] = srcs[i].duplicate();
        }
    }

    /** The index of the first view with bytes left, or {@code views.length} once all is out. */
    protected final int firstWithBytes() {
        while (next < views.length && !views[next].hasRemaining()) {
            next++;
        }
        return next;
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
