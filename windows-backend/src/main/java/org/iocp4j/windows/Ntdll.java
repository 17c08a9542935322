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

    /** FileReplaceCompletionInformation (Windows 8.1 and later): FILE_COMPLETION_INFORMATION {Port, Key} (R74). */
    static final int FILE_REPLACE_COMPLETION_INFORMATION = 61;
    /** FileIoCompletionNotificationInformation: the ULONG of skip modes (R59, R60). */
    static final int FILE_IO_COMPLETION_NOTIFICATION_INFORMATION = 41;

    /** Returns an NTSTATUS; {@code ioStatus} is an IO_STATUS_BLOCK (16 bytes). */
    static native int NtSetInformationFile(long file, long ioStatus, long info, int length, int infoClass);

    /** Returns an NTSTATUS; {@code ioStatus} is an IO_STATUS_BLOCK (16 bytes). */
    static native int NtQueryInformationFile(long file, long ioStatus, long info, int length, int infoClass);

    /** The Win32 error of an NTSTATUS, as GetQueuedCompletionStatus reports it (spec 1.10 case B). */
    static native int RtlNtStatusToDosError(int status);
}
