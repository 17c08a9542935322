package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Winsock (ws2_32) through JNA direct mapping, as {@link Kernel32}: SOCKET is {@code long},
 * pointers are {@code long}, and the error of a failed call is {@link #lastError()}
 * (WSAGetLastError is the thread's GetLastError). WSAStartup runs once when the class loads.
 * Load this class only when {@link WindowsPlatform#isAvailable()}.
 */
final class Ws2_32 {
    static final int AF_INET = 2;
    static final int AF_INET6 = 23;
    static final int SOCK_STREAM = 1;
    static final int IPPROTO_TCP = 6;
    static final int WSA_FLAG_OVERLAPPED = 0x01;
    /** Windows 7 SP1 and later: the socket handle is not inherited by child processes. */
    static final int WSA_FLAG_NO_HANDLE_INHERIT = 0x80;
    static final long INVALID_SOCKET = -1L;
    static final int SOCKET_ERROR = -1;
    static final int SOL_SOCKET = 0xFFFF;
    static final int SO_UPDATE_ACCEPT_CONTEXT = 0x700B;
    static final int SO_UPDATE_CONNECT_CONTEXT = 0x7010;
    static final int SO_PROTOCOL_INFOW = 0x2005;
    /** WSAPROTOCOL_INFOW.dwServiceFlags1 bit: the provider's sockets are real kernel handles (R63). */
    static final int XP1_IFS_HANDLES = 0x00020000;
    /** sizeof(WSAPROTOCOL_INFOW). */
    static final int PROTOCOL_INFO_SIZE = 628;
    static final int SIO_GET_EXTENSION_FUNCTION_POINTER = 0xC8000006;
    static final int SD_SEND = 1;
    static final int SOMAXCONN = 0x7fffffff;
    /** Winsock 2.2. */
    private static final int VERSION_2_2 = 0x0202;
    /** sizeof(WSADATA) on x64, rounded up. */
    private static final int WSADATA_SIZE = 512;

    static {
        Native.register(Ws2_32.class, NativeLibrary.getInstance("ws2_32"));
        long data = NativeMemory.allocate(WSADATA_SIZE);
        try {
            int r = WSAStartup(VERSION_2_2, data);
            if (r != 0) {
                throw new WindowsPortException("WSAStartup", r, "starting Winsock 2.2");
            }
        } finally {
            NativeMemory.free(data);
        }
    }

    private Ws2_32() {}

    /** The thread's last Winsock error. */
    static int lastError() {
        return Native.getLastError();
    }

    static native int WSAStartup(int version, long data);

    static native long WSASocketW(int af, int type, int protocol, long protocolInfo, int group, int flags);

    static native int closesocket(long s);

    static native int bind(long s, long name, int nameLength);

    static native int listen(long s, int backlog);

    static native int getsockname(long s, long name, long nameLengthInOut);

    static native int getpeername(long s, long name, long nameLengthInOut);

    static native int setsockopt(long s, int level, int name, long value, int length);

    static native int getsockopt(long s, int level, int name, long value, long lengthInOut);

    static native int shutdown(long s, int how);

    static native int WSARecv(long s, long buffers, int count, long bytesOut, long flagsInOut, long overlapped,
            long routine);

    static native int WSASend(long s, long buffers, int count, long bytesOut, int flags, long overlapped, long routine);

    static native int WSAIoctl(long s, int code, long in, int inLength, long out, int outLength, long bytesOut,
            long overlapped, long routine);
}
