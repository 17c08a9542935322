package org.iocp4j.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A TCP socket for overlapped I/O (WSASocket with WSA_FLAG_OVERLAPPED). Reads land in the
 * caller's buffer: a direct buffer is filled without a copy; a heap buffer works through one copy.
 * The buffer's position advances by the bytes transferred when the operation completes; do not
 * touch it while the operation is in flight.
 */
public interface AsyncSocket extends IoHandle {

    /** ConnectEx: ERROR_SUCCESS, ERROR_IO_PENDING, or e.g. ERROR_CONNECTION_REFUSED. */
    int connect(InetSocketAddress remote, Overlapped overlapped);

    /**
     * WSARecv: reads up to {@code dst.remaining()} bytes; 0 bytes with success means the peer
     * closed its side.
     *
     * @throws IllegalArgumentException if dst is read-only or has nothing remaining
     */
    int read(ByteBuffer dst, Overlapped overlapped);

    /** WSARecv with several buffers, filled in order (scatter). */
    int read(ByteBuffer[] dsts, Overlapped overlapped);

    /** WSASend: writes all of {@code src.remaining()} bytes, or fails. */
    int write(ByteBuffer src, Overlapped overlapped);

    /** WSASend with several buffers, sent in order (gather). */
    int write(ByteBuffer[] srcs, Overlapped overlapped);

    /** shutdown(SD_SEND): never uses the port (R55). */
    void shutdownOutput() throws IOException;

    /** The local address, or null before bind/connect. */
    InetSocketAddress localAddress();

    /** The peer's address, or null when not connected. */
    InetSocketAddress remoteAddress();
}
