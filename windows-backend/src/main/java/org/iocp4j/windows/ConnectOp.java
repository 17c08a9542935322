package org.iocp4j.windows;

import java.net.InetSocketAddress;
import org.iocp4j.io.Overlapped;

/**
 * ConnectEx: the socket is created in the address's family and bound to its wildcard when the
 * operation opens (ConnectEx needs a bound socket); the remote address sits in the area. On
 * success SO_UPDATE_CONNECT_CONTEXT makes getpeername and shutdown work; on failure the native
 * socket is dropped so the socket may connect again.
 */
final class ConnectOp extends IoOp {
    private final WindowsAsyncSocket socket;
    private final InetSocketAddress remote;
    private final int family;
    private int nameLength;

    ConnectOp(WindowsAsyncSocket socket, InetSocketAddress remote, Overlapped overlapped) {
        super(socket, overlapped);
        this.socket = socket;
        this.remote = remote;
        this.family = SocketAddresses.familyOf(remote.getAddress());
    }

    @Override
    int areaSize() {
        return SocketAddresses.MAX_LENGTH;
    }

    @Override
    int open() {
        return socket.openForConnect(family);
    }

    @Override
    void prepare() {
        nameLength = SocketAddresses.write(area(), remote);
    }

    @Override
    int call(long h) {
        return WinsockErrors.toWin32(WinsockExtensions.call(WinsockExtensions.connectEx(h, family),
                h, area(), nameLength, 0L, 0, scratch(), address));
    }

    @Override
    int settle(int bytes, int error) {
        return socket.connectSettled(error);
    }

    @Override
    void refused() {
        socket.connectRefused();
    }
}
