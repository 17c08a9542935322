package org.iocp4j.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.util.Set;

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

    /**
     * setsockopt: sets {@code option} (one of {@link #supportedOptions()}) to {@code value}. A
     * socket has no OS socket until a connect or an accept into it creates one; a value set before
     * then is kept and set on that socket as soon as it exists (before the connect's handshake
     * starts; before the accept's packet is queued). Values set later take effect at once.
     *
     * @throws NullPointerException if {@code option} is null
     * @throws UnsupportedOperationException if the option is not supported
     * @throws IllegalArgumentException if {@code value} is null or a buffer size below 1
     * @throws java.nio.channels.ClosedChannelException if the socket is closed
     * @throws IOException if the OS refuses the value
     */
    <T> void setOption(SocketOption<T> option, T value) throws IOException;

    /**
     * getsockopt: the OS socket's value once it exists (Linux reports twice the buffer size set,
     * as socket(7) says); before then, the value set, or false for a boolean option never set.
     *
     * @throws NullPointerException if {@code option} is null
     * @throws UnsupportedOperationException if the option is not supported
     * @throws java.nio.channels.NotYetConnectedException for a buffer size never set, before the OS
     *     socket exists (the OS picks it then)
     * @throws java.nio.channels.ClosedChannelException if the socket is closed
     * @throws IOException if the OS refuses to tell
     */
    <T> T getOption(SocketOption<T> option) throws IOException;

    /** TCP_NODELAY, SO_KEEPALIVE, SO_RCVBUF and SO_SNDBUF, on every backend ({@link SocketOptionRules#SUPPORTED}). */
    default Set<SocketOption<?>> supportedOptions() {
        return SocketOptionRules.SUPPORTED;
    }
}
