package org.iocp4j.windows;

import org.iocp4j.Win32Error;

/**
 * Winsock reports a synchronous failure as a WSAE* number (WSAGetLastError) and the same event by
 * packet as the Win32 error of its NTSTATUS (WSAECONNRESET 10054 there, ERROR_NETNAME_DELETED 64
 * here). iocp4j speaks one vocabulary on every backend (docs/io.md), so the synchronous numbers
 * become the packet's: each row is the Win32 error RtlNtStatusToDosError gives for the NTSTATUS
 * behind the WSAE* error. WSAE* numbers with no Win32 counterpart (WSAENOTCONN, WSAEISCONN,
 * WSAESHUTDOWN, the address errors) stay as they are, as on the emulating backends.
 */
final class WinsockErrors {
    static final int WSAEINTR = 10004;
    static final int WSAEBADF = 10009;
    static final int WSAEACCES = 10013;
    static final int WSAEFAULT = 10014;
    static final int WSAEINVAL = 10022;
    static final int WSAEMFILE = 10024;
    static final int WSAEWOULDBLOCK = 10035;
    static final int WSAENOTSOCK = 10038;
    static final int WSAENETDOWN = 10050;
    static final int WSAENETUNREACH = 10051;
    static final int WSAENETRESET = 10052;
    static final int WSAECONNABORTED = 10053;
    static final int WSAECONNRESET = 10054;
    static final int WSAENOBUFS = 10055;
    static final int WSAETIMEDOUT = 10060;
    static final int WSAECONNREFUSED = 10061;
    static final int WSAEHOSTDOWN = 10064;
    static final int WSAEHOSTUNREACH = 10065;

    private WinsockErrors() {}

    /** The Win32 error iocp4j reports for Winsock's {@code wsaError}. */
    static int toWin32(int wsaError) {
        return switch (wsaError) {
            case WSAECONNRESET, WSAENETRESET -> Win32Error.ERROR_NETNAME_DELETED;
            case WSAECONNREFUSED -> Win32Error.ERROR_CONNECTION_REFUSED;
            case WSAECONNABORTED -> Win32Error.ERROR_CONNECTION_ABORTED;
            case WSAENETUNREACH, WSAENETDOWN -> Win32Error.ERROR_NETWORK_UNREACHABLE;
            case WSAEHOSTUNREACH, WSAEHOSTDOWN -> Win32Error.ERROR_HOST_UNREACHABLE;
            case WSAETIMEDOUT -> Win32Error.ERROR_SEM_TIMEOUT;
            case WSAENOTSOCK, WSAEBADF -> Win32Error.ERROR_INVALID_HANDLE;
            case WSAEINVAL -> Win32Error.ERROR_INVALID_PARAMETER;
            case WSAEFAULT -> Win32Error.ERROR_NOACCESS;
            case WSAENOBUFS -> Win32Error.ERROR_NO_SYSTEM_RESOURCES;
            case WSAEACCES -> Win32Error.ERROR_ACCESS_DENIED;
            case WSAEMFILE -> Win32Error.ERROR_TOO_MANY_OPEN_FILES;
            default -> wsaError; // WSA_IO_PENDING (997) and WSA_OPERATION_ABORTED (995) are Win32 numbers already
        };
    }
}
