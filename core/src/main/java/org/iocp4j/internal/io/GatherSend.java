package org.iocp4j.internal.io;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * WSASend from one buffer or several, sent in order (gather), for every emulating backend. It
 * works on duplicates of the caller's buffers, so their positions move only when the operation
 * completes: by everything on success, by what really left on failure, cancel or close. A send
 * on a socket closed under it completes with ERROR_CONNECTION_ABORTED (R71). A backend's
 * {@link #attempt()} moves bytes out of the first {@link #count} {@link #views}, from
 * {@link #firstWithBytes()} on, and counts them in {@link #sent}.
 *
 * <p>A backend may reuse a finished send for the next ({@link #reuseWith}): it keeps its arrays, and
 * the duplicate of a buffer given again (the same object, as a server that sends a header and a
 * body from the same two buffers does), so a steady gather allocates nothing.
 */
public abstract class GatherSend extends PendingOp {
    private static final ByteBuffer[] NONE = {};

    /** The caller's buffers, in the first {@link #count} slots (a copy of its array). */
    private ByteBuffer[] srcs = NONE;
    /** Duplicates of the caller's buffers; their positions are what has left. */
    protected ByteBuffer[] views = NONE;
    /** How many of {@link #views} this send has. */
    protected int count;
    /** Bytes that have left so far. */
    protected int sent;
    private int next;

    protected GatherSend(ByteBuffer[] srcs, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        setBuffers(srcs);
    }

    /** Makes this finished send the next one, of {@code given}, for {@code overlapped}. */
    protected final void reuseWith(ByteBuffer[] given, Overlapped overlapped) {
        reuseFor(overlapped);
        setBuffers(given);
    }

    private void setBuffers(ByteBuffer[] given) {
        int n = given.length;
        if (srcs.length < n) {
            srcs = new ByteBuffer[n];
            views = new ByteBuffer[n];
        }
        for (int i = 0; i < n; i++) {
            ByteBuffer b = given[i];
            if (srcs[i] == b) {
                views[i].limit(b.limit()).position(b.position()); // the same buffer: its duplicate still fits
            } else {
                srcs[i] = b;
                views[i] = b.duplicate();
            }
        }
        for (int i = n; i < count; i++) {
            srcs[i] = null; // hold no buffer the caller no longer gives
            views[i] = null;
        }
        count = n;
        sent = 0;
        next = 0;
    }

    /** The index of the first view with bytes left, or {@link #count} once all is out. */
    protected final int firstWithBytes() {
        while (next < count && !views[next].hasRemaining()) {
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
        for (int i = 0; i < count; i++) {
            srcs[i].position(views[i].position());
        }
    }
}
