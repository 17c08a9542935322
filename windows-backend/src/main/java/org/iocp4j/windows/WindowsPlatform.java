package org.iocp4j.windows;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Whether the native backend can run here, why not, and whether "Windows" is really Wine.
 * Computed once, on first use.
 */
final class WindowsPlatform {
    private static final Throwable CAUSE = probe();
    private static final String WINE_VERSION = CAUSE == null ? probeWine() : null;

    private WindowsPlatform() {}

    static boolean isAvailable() {
        return CAUSE == null;
    }

    /** Why the backend is unavailable, or null. */
    static Throwable unavailabilityCause() {
        return CAUSE;
    }

    /** Throws the cause, wrapped, when the backend is unavailable. */
    static void ensureAvailability() {
        if (CAUSE != null) {
            throw new UnsupportedOperationException("the windows backend is not available here", CAUSE);
        }
    }

    /** True when ntdll exports {@code wine_get_version}: we run under Wine, not Windows. */
    static boolean isWine() {
        return WINE_VERSION != null;
    }

    /** Wine's version, e.g. {@code "8.0"}, or null on Windows. */
    static String wineVersion() {
        return WINE_VERSION;
    }

    private static Throwable probe() {
        if (!Platform.isWindows()) {
            return new UnsupportedOperationException("not Windows: os.name is " + System.getProperty("os.name"));
        }
        if (Native.POINTER_SIZE != 8) {
            return new UnsupportedOperationException("needs a 64-bit JVM; this one has " + Native.POINTER_SIZE
                    + "-byte pointers");
        }
        try {
            // Loading the classes registers their natives: kernel32 and ntdll are loadable.
            Kernel32.GetCurrentThreadId();
            Ntdll.RtlNtStatusToDosError(0);
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e;
        }
    }

    private static String probeWine() {
        try {
            Function f = NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
            return f.invokeString(new Object[0], false);
        } catch (UnsatisfiedLinkError e) {
            return null; // Windows
        }
    }
}
