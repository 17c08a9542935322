package org.iocp4j.windows;

import java.net.InetSocketAddress;

/** getsockname and getpeername: a socket's addresses, or null when the kernel has none. */
final class Names {
    private Names() {}

    static InetSocketAddress local(long socket) {
        return query(socket, true);
    }

    static InetSocketAddress peer(long socket) {
        return query(socket, false);
    }

    private static InetSocketAddress query(long socket, boolean local) {
        long name = NativeMemory.allocate(SocketAddresses.MAX_LENGTH + 8);
        try {
            long length = name + SocketAddresses.MAX_LENGTH;
            NativeMemory.putInt(length, SocketAddresses.MAX_LENGTH);
            int r = local ? Ws2_32.getsockname(socket, name, length) : Ws2_32.getpeername(socket, name, length);
            return r == 0 ? SocketAddresses.read(name) : null;
        } finally {
            NativeMemory.free(name);
        }
    }
}
