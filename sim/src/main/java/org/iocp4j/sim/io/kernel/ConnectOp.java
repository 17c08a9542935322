package org.iocp4j.sim.io.kernel;

import java.net.InetSocketAddress;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * ConnectEx: always pending at first (the handshake takes a round trip), then a packet with
 * success or ERROR_CONNECTION_REFUSED (R57). A failed or cancelled connect leaves the socket
 * fresh, so it may try again.
 */
final class ConnectOp extends PendingOp {
    private final SimSocket owner;
    private final InetSocketAddress remote;
    private Handshake handshake;

    ConnectOp(SimSocket owner, InetSocketAddress remote, Overlapped overlapped) {
        super(overlapped, Direction.WRITE);
        this.owner = owner;
        this.remote = remote;
    }

    @Override
    protected int attempt() {
        if (handshake == null) {
            if (!owner.isFreeForConnect()) {
                return -Win32Error.WSAEISCONN; // an accept got there first
            }
            handshake = owner.startConnect(remote);
            return WOULD_BLOCK;
        }
        if (handshake.refused) {
            return -Win32Error.ERROR_CONNECTION_REFUSED;
        }
        if (handshake.established == null) {
            return WOULD_BLOCK;
        }
        owner.connected(handshake.established);
        return 0;
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_OPERATION_ABORTED;
    }

    @Override
    protected void completed(int bytes, int error) {
        if (handshake != null) {
            owner.connectEnded(handshake, error == 0);
        }
    }
}
