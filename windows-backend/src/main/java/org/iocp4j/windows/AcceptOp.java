package org.iocp4j.windows;

import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * AcceptEx on a listening socket into a pre-created socket: the target's native socket is created
 * in the listener's family when the operation opens (the target is promised to this accept until
 * it finishes). The area holds AcceptEx's output buffer (no receive data, room for both addresses)
 * and the listener's SOCKET for SO_UPDATE_ACCEPT_CONTEXT. The packet goes to the listener's port
 * with the listener's key.
 */
final class AcceptOp extends IoOp {
    /** AcceptEx wants 16 bytes more than the largest address for each of the two. */
    static final int ADDRESS_ROOM = SocketAddresses.MAX_LENGTH + 16;
    private static final int LISTENER = 2 * ADDRESS_ROOM;

    private final WindowsAsyncSocket target;
    private final int family;
    private long targetSocket;

    AcceptOp(WindowsAsyncServerSocket listener, WindowsAsyncSocket target, int family, Overlapped overlapped) {
        super(listener, overlapped);
        this.target = target;
        this.family = family;
    }

    @Override
    int areaSize() {
        return LISTENER + 8;
    }

    @Override
    int open() {
        if (handle.nativeHandle() == 0) {
            return 0; // not bound: start() fails it with noHandleError()
        }
        long s = target.reserveFor(this, family);
        if (s < 0) {
            return (int) -s;
        }
        targetSocket = s;
        return 0;
    }

    @Override
    void prepare() {
        NativeMemory.putLong(area() + LISTENER, handle.nativeHandle());
    }

    /**
     * Under the target's lock too (listener, then target), so the target's close cannot free its
     * SOCKET, whose value Windows may give the next socket, while AcceptEx is handed it. A target
     * closed since its reservation fails the accept at once, as R71 aborts a pending one.
     */
    @Override
    int call(long h) {
        synchronized (target.lock) {
            if (target.closedLocked()) {
                return Win32Error.ERROR_OPERATION_ABORTED;
            }
            return WinsockErrors.toWin32(WinsockExtensions.call(WinsockExtensions.acceptEx(h, family),
                    h, targetSocket, area(), 0, ADDRESS_ROOM, ADDRESS_ROOM, scratch(), address));
        }
    }

    @Override
    int settle(int bytes, int error) {
        return target.acceptSettled(this, error, handle.closedLocked(), area() + LISTENER);
    }

    @Override
    void refused() {
        target.unreserve(this);
    }
}
