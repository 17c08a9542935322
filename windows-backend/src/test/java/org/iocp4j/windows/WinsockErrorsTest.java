package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/** Synchronous Winsock errors in the vocabulary of the packets (plain Java: runs anywhere). */
class WinsockErrorsTest {

    @Test
    void theNtStatusBehindEachWsaErrorGivesItsWin32Number() {
        assertEquals(Win32Error.ERROR_NETNAME_DELETED, WinsockErrors.toWin32(WinsockErrors.WSAECONNRESET));
        assertEquals(Win32Error.ERROR_NETNAME_DELETED, WinsockErrors.toWin32(WinsockErrors.WSAENETRESET));
        assertEquals(Win32Error.ERROR_CONNECTION_REFUSED, WinsockErrors.toWin32(WinsockErrors.WSAECONNREFUSED));
        assertEquals(Win32Error.ERROR_CONNECTION_ABORTED, WinsockErrors.toWin32(WinsockErrors.WSAECONNABORTED));
        assertEquals(Win32Error.ERROR_NETWORK_UNREACHABLE, WinsockErrors.toWin32(WinsockErrors.WSAENETUNREACH));
        assertEquals(Win32Error.ERROR_HOST_UNREACHABLE, WinsockErrors.toWin32(WinsockErrors.WSAEHOSTUNREACH));
        assertEquals(Win32Error.ERROR_SEM_TIMEOUT, WinsockErrors.toWin32(WinsockErrors.WSAETIMEDOUT));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, WinsockErrors.toWin32(WinsockErrors.WSAENOTSOCK));
        assertEquals(Win32Error.ERROR_INVALID_PARAMETER, WinsockErrors.toWin32(WinsockErrors.WSAEINVAL));
    }

    @Test
    void win32NumbersAndWsaErrorsWithoutACounterpartStay() {
        assertEquals(Win32Error.ERROR_IO_PENDING, WinsockErrors.toWin32(Win32Error.ERROR_IO_PENDING));
        assertEquals(Win32Error.ERROR_OPERATION_ABORTED, WinsockErrors.toWin32(Win32Error.ERROR_OPERATION_ABORTED));
        assertEquals(Win32Error.WSAENOTCONN, WinsockErrors.toWin32(Win32Error.WSAENOTCONN));
        assertEquals(Win32Error.WSAESHUTDOWN, WinsockErrors.toWin32(Win32Error.WSAESHUTDOWN));
        assertEquals(Win32Error.WSAEADDRINUSE, WinsockErrors.toWin32(Win32Error.WSAEADDRINUSE));
    }
}
