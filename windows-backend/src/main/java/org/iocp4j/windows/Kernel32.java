package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * kernel32 through JNA direct mapping: primitive arguments only, so a call allocates nothing.
 * Handles and pointers are {@code long} (64-bit Windows only, checked by {@link WindowsPlatform});
 * BOOL is {@code int}; DWORD is {@code int} read unsigned. After a call, {@link #lastError()} is
 * the thread's GetLastError as JNA saved it right after the call. Load this class only when
 * {@link WindowsPlatform#isAvailable()}.
 */
final class Kernel32 {
    static final long INVALID_HANDLE_VALUE = -1L;
    /** The INFINITE timeout, 0xFFFFFFFF. */
    static final int INFINITE = 0xFFFFFFFF;
    static final int THREAD_SET_CONTEXT = 0x0010;

    /** The address of kernel32's Sleep: a harmless APC routine (one pointer-sized argument, 0). */
    static final long NO_OP_APC;

    static {
        NativeLibrary kernel32 = NativeLibrary.getInstance("kernel32");
        Native.register(Kernel32.class, kernel32);
        NO_OP_APC = com.sun.jna.Pointer.nativeValue(kernel32.getFunction("Sleep"));
    }

    private Kernel32() {}

    static int lastError() {
        return Native.getLastError();
    }

    static native long CreateIoCompletionPort(long fileHandle, long existingPort, long key, int concurrentThreads);

    static native int GetQueuedCompletionStatus(long port, long bytesOut, long keyOut, long overlappedOut,
            int milliseconds);

    static native int GetQueuedCompletionStatusEx(long port, long entries, int count, long removedOut,
            int milliseconds, int alertable);

    static native int PostQueuedCompletionStatus(long port, int bytes, long key, long overlapped);

    static native int CloseHandle(long handle);

    static native int QueueUserAPC(long routine, long thread, long data);

    static native int GetCurrentThreadId();

    static native long OpenThread(int access, int inheritHandle, int threadId);
}
