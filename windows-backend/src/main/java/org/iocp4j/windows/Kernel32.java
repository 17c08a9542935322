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

    // Files (the I/O layer)

    static final int GENERIC_READ = 0x80000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int FILE_SHARE_READ = 0x1;
    static final int FILE_SHARE_WRITE = 0x2;
    static final int FILE_SHARE_DELETE = 0x4;
    static final int CREATE_NEW = 1;
    static final int CREATE_ALWAYS = 2;
    static final int OPEN_EXISTING = 3;
    static final int OPEN_ALWAYS = 4;
    static final int TRUNCATE_EXISTING = 5;
    static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    static final int FILE_FLAG_WRITE_THROUGH = 0x80000000;
    static final int FILE_FLAG_DELETE_ON_CLOSE = 0x04000000;
    static final int FILE_FLAG_OPEN_REPARSE_POINT = 0x00200000;
    static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
    static final int IO_REPARSE_TAG_SYMLINK = 0xA000000C;
    /** FILE_INFO_BY_HANDLE_CLASS FileAttributeTagInfo: a DWORD of attributes, a DWORD reparse tag. */
    static final int FILE_ATTRIBUTE_TAG_INFO = 9;

    static native int GetFileInformationByHandleEx(long file, int infoClass, long buffer, int size);

    static native long CreateFileW(long name, int access, int share, long security, int disposition, int flags,
            long template);

    static native int ReadFile(long file, long buffer, int length, long bytesOut, long overlapped);

    static native int WriteFile(long file, long buffer, int length, long bytesOut, long overlapped);

    static native int GetFileSizeEx(long file, long sizeOut);

    static native int CancelIoEx(long file, long overlapped);

    static native int SetFileCompletionNotificationModes(long file, byte flags);
}
