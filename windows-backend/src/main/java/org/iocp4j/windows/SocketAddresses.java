package org.iocp4j.windows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** SOCKADDR_IN and SOCKADDR_IN6 in native memory: the family little-endian, the port big-endian. */
final class SocketAddresses {
    /** sizeof(SOCKADDR_IN6), the larger of the two. */
    static final int MAX_LENGTH = 28;

    private SocketAddresses() {}

    /** AF_INET6 for an IPv6 address, else AF_INET. */
    static int familyOf(InetAddress a) {
        return a instanceof Inet6Address ? Ws2_32.AF_INET6 : Ws2_32.AF_INET;
    }

    /** Writes {@code a} at {@code address} (room for {@link #MAX_LENGTH} zeroed bytes); returns its length. */
    static int write(long address, InetSocketAddress a) {
        byte[] ip = a.getAddress().getAddress();
        int family = familyOf(a.getAddress());
        NativeMemory.putByte(address, (byte) family);
        NativeMemory.putByte(address + 1, (byte) (family >>> 8));
        NativeMemory.putByte(address + 2, (byte) (a.getPort() >>> 8));
        NativeMemory.putByte(address + 3, (byte) a.getPort());
        if (family == Ws2_32.AF_INET) {
            for (int i = 0; i < 4; i++) {
                NativeMemory.putByte(address + 4 + i, ip[i]);
            }
            return 16;
        }
        for (int i = 0; i < 16; i++) {
            NativeMemory.putByte(address + 8 + i, ip[i]); // after sin6_flowinfo
        }
        NativeMemory.putInt(address + 24, ((Inet6Address) a.getAddress()).getScopeId());
        return MAX_LENGTH;
    }

    /** Writes the wildcard address of {@code family}, port 0 (a ConnectEx socket's bind); returns its length. */
    static int writeWildcard(long address, int family) {
        NativeMemory.putByte(address, (byte) family);
        NativeMemory.putByte(address + 1, (byte) (family >>> 8));
        return family == Ws2_32.AF_INET ? 16 : MAX_LENGTH;
    }

    /** The address at {@code address}, or null if its family is neither AF_INET nor AF_INET6. */
    static InetSocketAddress read(long address) {
        int family = (NativeMemory.getByte(address) & 0xff) | (NativeMemory.getByte(address + 1) & 0xff) << 8;
        int port = (NativeMemory.getByte(address + 2) & 0xff) << 8 | (NativeMemory.getByte(address + 3) & 0xff);
        byte[] ip;
        int scope = 0;
        if (family == Ws2_32.AF_INET) {
            ip = bytes(address + 4, 4);
        } else if (family == Ws2_32.AF_INET6) {
            ip = bytes(address + 8, 16);
            scope = NativeMemory.getInt(address + 24);
        } else {
            return null;
        }
        try {
            InetAddress a = scope != 0 ? Inet6Address.getByAddress(null, ip, scope) : InetAddress.getByAddress(ip);
            return new InetSocketAddress(a, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a socket address of " + ip.length + " bytes", e); // cannot happen
        }
    }

    private static byte[] bytes(long address, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = NativeMemory.getByte(address + i);
        }
        return b;
    }
}
