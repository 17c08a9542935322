package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;

/** setsockopt and getsockopt for the options every AsyncSocket supports, through Netty's unix Socket. */
final class UnixSocketOptions {
    private UnixSocketOptions() {}

    /** Sets a checked option (SocketOptionRules.checkSet), {@code value} of its type, on {@code s}. */
    static void set(Socket s, SocketOption<?> option, Object value) throws IOException {
        if (option == StandardSocketOptions.TCP_NODELAY) {
            s.setTcpNoDelay((Boolean) value);
        } else if (option == StandardSocketOptions.SO_KEEPALIVE) {
            s.setKeepAlive((Boolean) value);
        } else if (option == StandardSocketOptions.SO_RCVBUF) {
            s.setReceiveBufferSize((Integer) value);
        } else if (option == StandardSocketOptions.SO_SNDBUF) {
            s.setSendBufferSize((Integer) value);
        } else {
            throw new AssertionError("unchecked option " + option);
        }
    }

    /** Reads a checked option (SocketOptionRules.checkOption) from {@code s}. */
    static <T> T get(Socket s, SocketOption<T> option) throws IOException {
        Object v;
        if (option == StandardSocketOptions.TCP_NODELAY) {
            v = s.isTcpNoDelay();
        } else if (option == StandardSocketOptions.SO_KEEPALIVE) {
            v = s.isKeepAlive();
        } else if (option == StandardSocketOptions.SO_RCVBUF) {
            v = s.getReceiveBufferSize();
        } else if (option == StandardSocketOptions.SO_SNDBUF) {
            v = s.getSendBufferSize();
        } else {
            throw new AssertionError("unchecked option " + option);
        }
        return option.type().cast(v);
    }
}
