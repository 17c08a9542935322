package org.iocp4j.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/** The errno to Win32 table: the rows the issue names, both numbering columns, the fallback. */
class ErrnoTest {

    @Test
    void theRowsWindowsProgramsMeetMost() {
        assertEquals(Win32Error.ERROR_NETNAME_DELETED, Errno.toWin32(104, false), "ECONNRESET on Linux");
        assertEquals(Win32Error.ERROR_NETNAME_DELETED, Errno.toWin32(54, true), "ECONNRESET on macOS");
        assertEquals(Win32Error.ERROR_CONNECTION_REFUSED, Errno.toWin32(111, false));
        assertEquals(Win32Error.ERROR_CONNECTION_REFUSED, Errno.toWin32(61, true));
        assertEquals(Win32Error.ERROR_CONNECTION_ABORTED, Errno.toWin32(103, false));
        assertEquals(Win32Error.ERROR_SEM_TIMEOUT, Errno.toWin32(110, false), "ETIMEDOUT as ConnectEx reports it");
        assertEquals(Win32Error.ERROR_HOST_UNREACHABLE, Errno.toWin32(113, false));
        assertEquals(Win32Error.ERROR_NETWORK_UNREACHABLE, Errno.toWin32(51, true));
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, Errno.toWin32(9, false));
        assertEquals(Win32Error.ERROR_DISK_FULL, Errno.toWin32(28, true));
    }

    @Test
    void zeroIsSuccessAndAnUnknownErrnoIsGenFailure() {
        assertEquals(0, Errno.toWin32(0, false));
        assertEquals(Win32Error.ERROR_GEN_FAILURE, Errno.toWin32(3, false), "ESRCH has no row");
        assertEquals(Win32Error.ERROR_GEN_FAILURE, Errno.toWin32(4096, true));
        assertEquals(Win32Error.ERROR_GEN_FAILURE, Errno.toWin32(-1, false));
    }

    @Test
    void eachColumnNamesEveryErrnoOnce() {
        Set<Integer> linux = new HashSet<>();
        Set<Integer> bsd = new HashSet<>();
        for (Errno e : Errno.values()) {
            assertTrue(linux.add(e.linux()), "Linux number twice: " + e);
            assertTrue(bsd.add(e.bsd()), "BSD number twice: " + e);
            assertEquals(e.win32(), Errno.toWin32(e.linux(), false), e.name());
            assertEquals(e.win32(), Errno.toWin32(e.bsd(), true), e.name());
        }
    }

    @Test
    void theNumberingFollowsTheOs() {
        assertTrue(Errno.isBsd("Mac OS X"));
        assertTrue(Errno.isBsd("FreeBSD"));
        assertFalse(Errno.isBsd("Linux"));
        assertEquals(Errno.BSD_NUMBERS ? 54 : 104, Errno.ECONNRESET.number());
    }

    @Test
    void win32NumbersHaveTheirWindowsNames() {
        assertEquals("ERROR_HOST_UNREACHABLE (1232)", Win32Error.describe(Win32Error.ERROR_HOST_UNREACHABLE));
        assertEquals("WSAENOTCONN", Win32Error.nameOf(Win32Error.WSAENOTCONN));
        assertEquals("ERROR_NETNAME_DELETED", Win32Error.nameOf(Win32Error.ERROR_NETNAME_DELETED));
    }
}
