package org.iocp4j.windows;

import org.iocp4j.io.IoHandle;

/**
 * FileReplaceCompletionInformation (Windows 8.1 and later, R74, R75) and the query of a handle's
 * notification modes, through ntdll: kernel32 has no wrapper for either.
 */
final class ReplaceCompletion {
    private ReplaceCompletion() {}

    /**
     * Moves {@code handle}'s association to {@code port} with {@code key} (null removes it).
     *
     * @throws WindowsPortException naming the NTSTATUS and its Win32 error if the kernel refuses:
     *     I/O pending (STATUS_UNSUCCESSFUL, R75), or no replace path at all (Wine, spec 1.15)
     */
    static void replace(long handle, WindowsCompletionPort port, long key, IoHandle owner) {
        if (port != null && !port.enterUse()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): replace with an open port");
        }
        long block = NativeMemory.allocate(16 + 16);
        try {
            NativeMemory.putLong(block + 16, port == null ? 0 : port.handle());
            NativeMemory.putLong(block + 24, key);
            int status = Ntdll.NtSetInformationFile(handle, block, block + 16, 16, Ntdll.FILE_REPLACE_COMPLETION_INFORMATION);
            if (status != 0) {
                throw new WindowsPortException("NtSetInformationFile(FileReplaceCompletionInformation)",
                        Ntdll.RtlNtStatusToDosError(status), "NTSTATUS 0x" + Integer.toHexString(status) + ", replacing the "
                        + "port of " + owner + (WindowsPlatform.isWine() ? " (Wine has no replace path, spec 1.15)" : ""));
            }
        } finally {
            NativeMemory.free(block);
            if (port != null) {
                port.exitUse();
            }
        }
    }

    /** The modes the kernel holds for {@code handle} (FileIoCompletionNotificationInformation), or -1 if it does not say. */
    static int queryModes(long handle) {
        long block = NativeMemory.allocate(16 + 8);
        try {
            int status = Ntdll.NtQueryInformationFile(handle, block, block + 16, 4,
                    Ntdll.FILE_IO_COMPLETION_NOTIFICATION_INFORMATION);
            return status == 0 ? NativeMemory.getInt(block + 16) : -1;
        } finally {
            NativeMemory.free(block);
        }
    }
}
