package org.iocp4j.windows;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import org.iocp4j.Win32Error;

/**
 * setsockopt and getsockopt for the options every AsyncSocket supports. Each value is a 4-byte
 * int (BOOL for the booleans); getsockopt's buffer is zeroed first, since Winsock may write only
 * the first byte of a BOOL.
 */
final class WindowsSocketOptions {
    private static final int TCP_NODELAY = 0x0001;
    private static final int SO_KEEPALIVE = 0x0008;
    private static final int SO_SNDBUF = 0x1001;
    private static final int SO_RCVBUF = 0x1002;

    private WindowsSocketOptions() {}

    /** Sets a checked option (SocketOptionRules.checkSet), {@code value} of its type, on SOCKET {@code s}. */
    static void set(long s, SocketOption<?> option, Object value) throws IOException {
        int v = value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value;
        long buffer = NativeMemory.allocate(4);
        try {
            NativeMemory.putInt(buffer, v);
            if (Ws2_32.setsockopt(s, level(option), name(option), buffer, 4) != 0) {
                throw refused("setsockopt", option);
            }
        } finally {
            NativeMemory.free(buffer);
        }
    }

    /** Reads a checked option (SocketOptionRules.checkOption) from SOCKET {@code s}. */
    static <T> T get(long s, SocketOption<T> option) throws IOException {
        long buffer = NativeMemory.allocate(8); // the value, then its length
        try {
            NativeMemory.putInt(buffer, 0);
            NativeMemory.putInt(buffer + 4, 4);
            if (Ws2_32.getsockopt(s, level(option), name(option), buffer, buffer + 4) != 0) {
                throw refused("getsockopt", option);
            }
            int v = NativeMemory.getInt(buffer);
            return option.type().cast(option.type() == Boolean.class ? (Object) (v != 0) : (Object) v);
        } finally {
            NativeMemory.free(buffer);
        }
    }

    private static IOException refused(String call, SocketOption<?> option) {
        int error = WinsockErrors.toWin32(Ws2_32.lastError());
        return new IOException(call + "(" + option.name() + ") failed: " + Win32Error.describe(error));
    }

    private static int level(SocketOption<?> option) {
        return option == StandardSocketOptions.TCP_NODELAY ? Ws2_32.IPPROTO_TCP : Ws2_32.SOL_SOCKET;
    }

    private static int name(SocketOption<?> option) {
        if (option == StandardSocketOptions.TCP_NODELAY) {
            return TCP_NODELAY;
        }
        if (option == StandardSocketOptions.SO_KEEPALIVE) {
            return SO_KEEPALIVE;
        }
        if (option == StandardSocketOptions.SO_RCVBUF) {
            return SO_RCVBUF;
        }
        if (option == StandardSocketOptions.SO_SNDBUF) {
            return SO_SNDBUF;
        }
        throw new AssertionError("unchecked option " + option);
    }
}
