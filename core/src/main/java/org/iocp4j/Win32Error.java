package org.iocp4j;

/**
 * The Win32 error numbers iocp4j reports, on every backend, with their Windows names.
 *
 * <p>One vocabulary everywhere: a packet of a failed operation, a dequeue that timed out and a
 * port closed under a waiter carry the same number on Linux, macOS and the simulator as on
 * Windows (spec/iocp.md, conventions).
 */
public final class Win32Error {
    public static final int ERROR_SUCCESS = 0;
    public static final int ERROR_INVALID_FUNCTION = 1;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_HANDLE_EOF = 38;
    public static final int ERROR_NETNAME_DELETED = 64;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_BROKEN_PIPE = 109;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    public static final int WAIT_IO_COMPLETION = 192;
    public static final int ERROR_MORE_DATA = 234;
    public static final int WAIT_TIMEOUT = 258;
    public static final int ERROR_NOT_OWNER = 288;
    public static final int ERROR_ABANDONED_WAIT_0 = 735;
    public static final int ERROR_OPERATION_ABORTED = 995;
    public static final int ERROR_IO_PENDING = 997;
    public static final int ERROR_NOACCESS = 998;
    public static final int ERROR_NOT_FOUND = 1168;
    public static final int ERROR_CONNECTION_REFUSED = 1225;
    public static final int ERROR_CONNECTION_ABORTED = 1236;
    public static final int ERROR_TOO_MANY_POSTS = 298;

    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_TOO_MANY_OPEN_FILES = 4;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final int ERROR_GEN_FAILURE = 31;
    public static final int ERROR_DISK_FULL = 112;
    public static final int ERROR_SEM_TIMEOUT = 121;
    public static final int ERROR_FILE_TOO_LARGE = 223;
    public static final int ERROR_IO_DEVICE = 1117;
    public static final int ERROR_NETWORK_UNREACHABLE = 1231;
    public static final int ERROR_HOST_UNREACHABLE = 1232;
    public static final int ERROR_NO_SYSTEM_RESOURCES = 1450;
    public static final int WSAEAFNOSUPPORT = 10047;
    public static final int WSAEADDRINUSE = 10048;
    public static final int WSAEADDRNOTAVAIL = 10049;
    public static final int WSAEISCONN = 10056;
    public static final int WSAENOTCONN = 10057;
    public static final int WSAESHUTDOWN = 10058;

    /** Wine's error for a socket closed with a read pending (Windows: ERROR_CONNECTION_ABORTED, R71). */
    public static final int ERROR_HANDLES_CLOSED = 676;

    private Win32Error() {}

    /** The Windows name of {@code code}, e.g. {@code WAIT_TIMEOUT} for 258, or {@code ERROR_<n>}. */
    public static String nameOf(int code) {
        return switch (code) {
            case ERROR_SUCCESS -> "ERROR_SUCCESS";
            case ERROR_INVALID_FUNCTION -> "ERROR_INVALID_FUNCTION";
            case ERROR_INVALID_HANDLE -> "ERROR_INVALID_HANDLE";
            case ERROR_HANDLE_EOF -> "ERROR_HANDLE_EOF";
            case ERROR_NETNAME_DELETED -> "ERROR_NETNAME_DELETED";
            case ERROR_INVALID_PARAMETER -> "ERROR_INVALID_PARAMETER";
            case ERROR_BROKEN_PIPE -> "ERROR_BROKEN_PIPE";
            case ERROR_INSUFFICIENT_BUFFER -> "ERROR_INSUFFICIENT_BUFFER";
            case WAIT_IO_COMPLETION -> "WAIT_IO_COMPLETION";
            case ERROR_MORE_DATA -> "ERROR_MORE_DATA";
            case WAIT_TIMEOUT -> "WAIT_TIMEOUT";
            case ERROR_NOT_OWNER -> "ERROR_NOT_OWNER";
            case ERROR_TOO_MANY_POSTS -> "ERROR_TOO_MANY_POSTS";
            case ERROR_ABANDONED_WAIT_0 -> "ERROR_ABANDONED_WAIT_0";
            case ERROR_OPERATION_ABORTED -> "ERROR_OPERATION_ABORTED";
            case ERROR_IO_PENDING -> "ERROR_IO_PENDING";
            case ERROR_NOACCESS -> "ERROR_NOACCESS";
            case ERROR_NOT_FOUND -> "ERROR_NOT_FOUND";
            case ERROR_CONNECTION_REFUSED -> "ERROR_CONNECTION_REFUSED";
            case ERROR_CONNECTION_ABORTED -> "ERROR_CONNECTION_ABORTED";
            case ERROR_FILE_NOT_FOUND -> "ERROR_FILE_NOT_FOUND";
            case ERROR_TOO_MANY_OPEN_FILES -> "ERROR_TOO_MANY_OPEN_FILES";
            case ERROR_ACCESS_DENIED -> "ERROR_ACCESS_DENIED";
            case ERROR_NOT_ENOUGH_MEMORY -> "ERROR_NOT_ENOUGH_MEMORY";
            case ERROR_GEN_FAILURE -> "ERROR_GEN_FAILURE";
            case ERROR_DISK_FULL -> "ERROR_DISK_FULL";
            case ERROR_SEM_TIMEOUT -> "ERROR_SEM_TIMEOUT";
            case ERROR_FILE_TOO_LARGE -> "ERROR_FILE_TOO_LARGE";
            case ERROR_IO_DEVICE -> "ERROR_IO_DEVICE";
            case ERROR_NETWORK_UNREACHABLE -> "ERROR_NETWORK_UNREACHABLE";
            case ERROR_HOST_UNREACHABLE -> "ERROR_HOST_UNREACHABLE";
            case ERROR_NO_SYSTEM_RESOURCES -> "ERROR_NO_SYSTEM_RESOURCES";
            case WSAEAFNOSUPPORT -> "WSAEAFNOSUPPORT";
            case WSAEADDRINUSE -> "WSAEADDRINUSE";
            case WSAEADDRNOTAVAIL -> "WSAEADDRNOTAVAIL";
            case WSAEISCONN -> "WSAEISCONN";
            case WSAENOTCONN -> "WSAENOTCONN";
            case WSAESHUTDOWN -> "WSAESHUTDOWN";
            case ERROR_HANDLES_CLOSED -> "ERROR_HANDLES_CLOSED";
            default -> "ERROR_" + code;
        };
    }

    /** {@code "WAIT_TIMEOUT (258)"}: the name and the number, as a log line wants them. */
    public static String describe(int code) {
        return nameOf(code) + " (" + code + ")";
    }
}
