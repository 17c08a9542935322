package org.iocp4j.unix;

/**
 * Win32 and Winsock error numbers the unix backends report that {@link org.iocp4j.Win32Error}
 * does not name yet. The values are Windows' own (winerror.h, winsock2.h).
 */
public final class Win32Numbers {
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

    private Win32Numbers() {}

    /** {@code "ERROR_HOST_UNREACHABLE (1232)"}: the name and the number. */
    public static String describe(int code) {
        return nameOf(code) + " (" + code + ")";
    }

    /** The Windows name of {@code code}, falling back on {@link org.iocp4j.Win32Error#nameOf}. */
    public static String nameOf(int code) {
        return switch (code) {
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
            default -> org.iocp4j.Win32Error.nameOf(code);
        };
    }
}
