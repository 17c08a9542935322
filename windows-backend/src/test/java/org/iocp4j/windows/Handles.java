package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** The process's kernel handle count (GetProcessHandleCount), for leak checks. */
final class Handles {
    static {
        Native.register(Handles.class, NativeLibrary.getInstance("kernel32"));
    }

    private Handles() {}

    private static native long GetCurrentProcess();

    private static native int GetProcessHandleCount(long process, long countOut);

    /** Handles open in this process now. */
    static int count() {
        long out = NativeMemory.allocate(4);
        try {
            if (GetProcessHandleCount(GetCurrentProcess(), out) == 0) {
                throw new WindowsPortException("GetProcessHandleCount", Native.getLastError(), null);
            }
            return NativeMemory.getInt(out);
        } finally {
            NativeMemory.free(out);
        }
    }
}
