package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** ntdll through JNA direct mapping; load only when {@link WindowsPlatform#isAvailable()}. */
final class Ntdll {
    /** IoCompletionBasicInformation: a ULONG depth (R77). */
    static final int IO_COMPLETION_BASIC_INFORMATION = 0;

    static {
        Native.register(Ntdll.class, NativeLibrary.getInstance("ntdll"));
    }

    private Ntdll() {}

    /** Returns an NTSTATUS; writes the port's queue depth (R77). */
    static native int NtQueryIoCompletion(long port, int infoClass, long info, int length, long returnLength);

    /** The Win32 error of an NTSTATUS, as GetQueuedCompletionStatus reports it (spec 1.10 case B). */
    static native int RtlNtStatusToDosError(int status);
}
