package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The end of a thread as the Windows kernel sees it, which comes after Java's: {@link Thread#join}
 * returns once the Java thread is done, while its OS thread may still be exiting. A test about
 * what outlives a thread (R70) waits for the kernel's end, or it tests the exit itself.
 */
final class OsThreadEnd {
    private static final int SYNCHRONIZE = 0x00100000;
    private static final int WAIT_OBJECT_0 = 0;

    static {
        Native.register(OsThreadEnd.class, NativeLibrary.getInstance("kernel32"));
    }

    private OsThreadEnd() {}

    private static native int WaitForSingleObject(long handle, int milliseconds);

    /** A handle to the calling thread that is signalled when the thread has ended; close it with {@link #awaitAndClose}. */
    static long ofCurrentThread() {
        long h = Kernel32.OpenThread(SYNCHRONIZE, 0, Kernel32.GetCurrentThreadId());
        if (h == 0) {
            throw new IllegalStateException("OpenThread(SYNCHRONIZE) failed: " + Kernel32.lastError());
        }
        return h;
    }

    /** Waits up to {@code millis} for the thread of {@code handle} to end, then closes the handle; true if it ended. */
    static boolean awaitAndClose(long handle, int millis) {
        try {
            return WaitForSingleObject(handle, millis) == WAIT_OBJECT_0;
        } finally {
            Kernel32.CloseHandle(handle);
        }
    }
}
