package org.iocp4j.unix;

import io.netty.channel.unix.Socket;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Netty's non-blocking TCP socket, opened in the family of the address it will meet. */
final class StreamSocket extends Socket {

    private StreamSocket(int fd) {
        super(fd);
    }

    /** A non-blocking TCP socket: IPv6 for an IPv6 address, IPv4 for an IPv4 one. */
    static Socket openFor(InetAddress address) {
        return new StreamSocket(newSocketStream0(address instanceof Inet6Address));
    }

    /** Adopts an fd accept() returned. */
    static Socket adopt(int fd) {
        return new StreamSocket(fd);
    }
}
