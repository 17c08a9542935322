package org.iocp4j.windows;

import com.sun.jna.Function;
import com.sun.jna.Pointer;

/**
 * AcceptEx and ConnectEx: Winsock hands out their addresses per provider through
 * WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER); they are looked up once per address family, on the
 * first socket of that family, and called through JNA's {@link Function}.
 */
final class WinsockExtensions {
    /** WSAID_ACCEPTEX {b5367df1-cbac-11cf-95ca-00805f48a192}. */
    private static final long[] ACCEPT_EX = guid(0xb5367df1, 0xcbac, 0x11cf, 0x95ca, 0x00805f48a192L);
    /** WSAID_CONNECTEX {25a207b9-ddf3-4660-8ee9-76e58c74063e}. */
    private static final long[] CONNECT_EX = guid(0x25a207b9, 0xddf3, 0x4660, 0x8ee9, 0x76e58c74063eL);

    /** Index 0: AF_INET, 1: AF_INET6. Guarded by the class. */
    private static final Function[] acceptEx = new Function[2];
    private static final Function[] connectEx = new Function[2];

    private WinsockExtensions() {}

    /** AcceptEx for sockets of {@code family}, looked up through {@code socket} the first time. */
    static synchronized Function acceptEx(long socket, int family) {
        int i = index(family);
        if (acceptEx[i] == null) {
            acceptEx[i] = lookUp(socket, ACCEPT_EX, "AcceptEx");
        }
        return acceptEx[i];
    }

    /** ConnectEx for sockets of {@code family}, looked up through {@code socket} the first time. */
    static synchronized Function connectEx(long socket, int family) {
        int i = index(family);
        if (connectEx[i] == null) {
            connectEx[i] = lookUp(socket, CONNECT_EX, "ConnectEx");
        }
        return connectEx[i];
    }

    /**
     * Calls {@code f} with {@code args} ({@code Long} for SOCKET and pointers, {@code Integer} for
     * DWORD): 0 when it returned TRUE, else the Win32 error (ERROR_IO_PENDING when pending).
     */
    static int call(Function f, Object... args) {
        return f.invokeInt(args) != 0 ? 0 : Ws2_32.lastError();
    }

    private static int index(int family) {
        return family == Ws2_32.AF_INET ? 0 : 1;
    }

    private static Function lookUp(long socket, long[] guid, String name) {
        long scratch = NativeMemory.allocate(16 + 8 + 8);
        try {
            NativeMemory.putLong(scratch, guid[0]);
            NativeMemory.putLong(scratch + 8, guid[1]);
            if (Ws2_32.WSAIoctl(socket, Ws2_32.SIO_GET_EXTENSION_FUNCTION_POINTER, scratch, 16, scratch + 16, 8,
                    scratch + 24, 0, 0) != 0) {
                throw new WindowsPortException("WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)", Ws2_32.lastError(),
                        "looking up " + name);
            }
            return Function.getFunction(new Pointer(NativeMemory.getLong(scratch + 16)));
        } finally {
            NativeMemory.free(scratch);
        }
    }

    /** A GUID as two little-endian longs: Data1, Data2, Data3, then Data4's eight bytes in order. */
    private static long[] guid(long data1, long data2, long data3, long data4Head, long data4Tail) {
        long first = (data1 & 0xffffffffL) | (data2 & 0xffff) << 32 | (data3 & 0xffff) << 48;
        long data4 = (data4Head & 0xffff) << 48 | (data4Tail & 0xffffffffffffL);
        return new long[] {first, Long.reverseBytes(data4)};
    }
}
