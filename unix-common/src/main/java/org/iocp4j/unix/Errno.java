package org.iocp4j.unix;

import org.iocp4j.Win32Error;
import static org.iocp4j.Win32Error.ERROR_CONNECTION_ABORTED;
import static org.iocp4j.Win32Error.ERROR_CONNECTION_REFUSED;
import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_INVALID_PARAMETER;
import static org.iocp4j.Win32Error.ERROR_NETNAME_DELETED;
import static org.iocp4j.Win32Error.ERROR_NOACCESS;
import static org.iocp4j.Win32Error.ERROR_ACCESS_DENIED;
import static org.iocp4j.Win32Error.ERROR_DISK_FULL;
import static org.iocp4j.Win32Error.ERROR_FILE_NOT_FOUND;
import static org.iocp4j.Win32Error.ERROR_FILE_TOO_LARGE;
import static org.iocp4j.Win32Error.ERROR_GEN_FAILURE;
import static org.iocp4j.Win32Error.ERROR_HOST_UNREACHABLE;
import static org.iocp4j.Win32Error.ERROR_IO_DEVICE;
import static org.iocp4j.Win32Error.ERROR_NETWORK_UNREACHABLE;
import static org.iocp4j.Win32Error.ERROR_NOT_ENOUGH_MEMORY;
import static org.iocp4j.Win32Error.ERROR_NO_SYSTEM_RESOURCES;
import static org.iocp4j.Win32Error.ERROR_SEM_TIMEOUT;
import static org.iocp4j.Win32Error.ERROR_TOO_MANY_OPEN_FILES;
import static org.iocp4j.Win32Error.WSAEADDRINUSE;
import static org.iocp4j.Win32Error.WSAEADDRNOTAVAIL;
import static org.iocp4j.Win32Error.WSAEAFNOSUPPORT;
import static org.iocp4j.Win32Error.WSAEISCONN;
import static org.iocp4j.Win32Error.WSAENOTCONN;
import static org.iocp4j.Win32Error.WSAESHUTDOWN;

import java.util.Locale;

/**
 * The one errno to Win32 table (docs/io.md prints it). Each row is an errno with its number on
 * Linux and on the BSDs (macOS, FreeBSD) and the Win32 error Windows reports for the same event,
 * as GetQueuedCompletionStatus or GetOverlappedResult give it (ERROR_*, not the WSAE* number
 * WSAGetLastError would give for a synchronous Winsock failure, where both exist). An errno not
 * in the table maps to ERROR_GEN_FAILURE, as an unmapped NTSTATUS does on Windows.
 */
public enum Errno {
    EPERM(1, 1, ERROR_ACCESS_DENIED),
    ENOENT(2, 2, ERROR_FILE_NOT_FOUND),
    EIO(5, 5, ERROR_IO_DEVICE),
    EBADF(9, 9, ERROR_INVALID_HANDLE),
    ENOMEM(12, 12, ERROR_NOT_ENOUGH_MEMORY),
    EACCES(13, 13, ERROR_ACCESS_DENIED),
    EFAULT(14, 14, ERROR_NOACCESS),
    EINVAL(22, 22, ERROR_INVALID_PARAMETER),
    ENFILE(23, 23, ERROR_TOO_MANY_OPEN_FILES),
    EMFILE(24, 24, ERROR_TOO_MANY_OPEN_FILES),
    EFBIG(27, 27, ERROR_FILE_TOO_LARGE),
    ENOSPC(28, 28, ERROR_DISK_FULL),
    /** The peer reset the connection and we wrote again; after our own shutdown it is WSAESHUTDOWN. */
    EPIPE(32, 32, ERROR_NETNAME_DELETED),
    EAFNOSUPPORT(97, 47, WSAEAFNOSUPPORT),
    EADDRINUSE(98, 48, WSAEADDRINUSE),
    EADDRNOTAVAIL(99, 49, WSAEADDRNOTAVAIL),
    ENETDOWN(100, 50, ERROR_NETWORK_UNREACHABLE),
    ENETUNREACH(101, 51, ERROR_NETWORK_UNREACHABLE),
    ENETRESET(102, 52, ERROR_NETNAME_DELETED),
    ECONNABORTED(103, 53, ERROR_CONNECTION_ABORTED),
    ECONNRESET(104, 54, ERROR_NETNAME_DELETED),
    ENOBUFS(105, 55, ERROR_NO_SYSTEM_RESOURCES),
    EISCONN(106, 56, WSAEISCONN),
    ENOTCONN(107, 57, WSAENOTCONN),
    ESHUTDOWN(108, 58, WSAESHUTDOWN),
    ETIMEDOUT(110, 60, ERROR_SEM_TIMEOUT),
    ECONNREFUSED(111, 61, ERROR_CONNECTION_REFUSED),
    EHOSTDOWN(112, 64, ERROR_HOST_UNREACHABLE),
    EHOSTUNREACH(113, 65, ERROR_HOST_UNREACHABLE);

    /** True on macOS and the BSDs, whose errno numbers differ from Linux above 34. */
    static final boolean BSD_NUMBERS = isBsd(System.getProperty("os.name", ""));

    private static final int[] LINUX = table(false);
    private static final int[] BSD = table(true);

    private final int linux;
    private final int bsd;
    private final int win32;

    Errno(int linux, int bsd, int win32) {
        this.linux = linux;
        this.bsd = bsd;
        this.win32 = win32;
    }

    /** The errno number on this OS. */
    public int number() {
        return BSD_NUMBERS ? bsd : linux;
    }

    public int linux() {
        return linux;
    }

    public int bsd() {
        return bsd;
    }

    /** The Win32 error Windows reports for the same event. */
    public int win32() {
        return win32;
    }

    /** Maps a positive errno of this OS to its Win32 error; 0 stays 0, unknown gives ERROR_GEN_FAILURE. */
    public static int toWin32(int errno) {
        return toWin32(errno, BSD_NUMBERS);
    }

    /** Maps a positive errno of Linux ({@code bsd} false) or of the BSDs to its Win32 error. */
    public static int toWin32(int errno, boolean bsd) {
        if (errno == 0) {
            return 0;
        }
        int[] t = bsd ? BSD : LINUX;
        int w = errno > 0 && errno < t.length ? t[errno] : 0;
        return w != 0 ? w : ERROR_GEN_FAILURE;
    }

    static boolean isBsd(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") || os.contains("bsd");
    }

    private static int[] table(boolean bsd) {
        int[] t = new int[128];
        for (Errno e : values()) {
            t[bsd ? e.bsd : e.linux] = e.win32;
        }
        return t;
    }
}
