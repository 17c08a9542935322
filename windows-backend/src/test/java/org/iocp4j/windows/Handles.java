package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel handles of the kinds the I/O layer opens (files, sockets, which are files too, and
 * ports) that this process holds, for leak checks. GetProcessHandleCount would count all kinds on
 * Windows, but Wine 8.0 answers 0 whatever is open, and the JVM opens thread and event handles of
 * its own at any time; so this counts this process's entries of
 * NtQuerySystemInformation(SystemHandleInformation), which both implement, whose object type is
 * that of a socket, a file or a port (learned once from probes, since type numbers vary).
 */
final class Handles {
    private static final int SYSTEM_HANDLE_INFORMATION = 16;
    private static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    /** SYSTEM_HANDLE_TABLE_ENTRY_INFO on x64: pid (ULONG), type (UCHAR), flags, value (USHORT), object, access. */
    private static final int ENTRY_SIZE = 24;
    private static final Set<Integer> IO_TYPES;

    static {
        Native.register(Handles.class, NativeLibrary.getInstance("ntdll"));
        long socket = WindowsAsyncSocket.newSocket(Ws2_32.AF_INET);
        long port = Kernel32.CreateIoCompletionPort(Kernel32.INVALID_HANDLE_VALUE, 0, 0, 1);
        long name = NativeMemory.wideString("NUL");
        long file = Kernel32.CreateFileW(name, Kernel32.GENERIC_READ, 0, 0, Kernel32.OPEN_EXISTING, 0, 0);
        NativeMemory.free(name);
        try {
            IO_TYPES = new HashSet<>(List.of(typeOf(socket), typeOf(port), typeOf(file))); // a socket is a file
        } finally {
            Ws2_32.closesocket(socket);
            Kernel32.CloseHandle(port);
            Kernel32.CloseHandle(file);
        }
    }

    private Handles() {}

    private static native int NtQuerySystemInformation(int infoClass, long buffer, int length, long returnLength);

    /** Handles of this process that are files, sockets or ports, now. */
    static int count() {
        int[] n = {0};
        scan((value, type) -> {
            if (IO_TYPES.contains(type)) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static int typeOf(long handle) {
        int[] type = {-1};
        scan((value, t) -> {
            if (value == (handle & 0xffff)) {
                type[0] = t;
            }
        });
        if (type[0] < 0) {
            throw new IllegalStateException("handle 0x" + Long.toHexString(handle) + " is not in the handle table");
        }
        return type[0];
    }

    private interface EntryVisitor {
        void visit(int handleValue, int type);
    }

    private static void scan(EntryVisitor visitor) {
        int pid = (int) ProcessHandle.current().pid();
        for (int size = 1 << 20; ; size *= 2) {
            long buffer = NativeMemory.allocate(size);
            try {
                int status = NtQuerySystemInformation(SYSTEM_HANDLE_INFORMATION, buffer, size, 0);
                if (status == STATUS_INFO_LENGTH_MISMATCH) {
                    continue;
                }
                if (status != 0) {
                    throw new IllegalStateException("NtQuerySystemInformation(SystemHandleInformation): NTSTATUS 0x"
                            + Integer.toHexString(status));
                }
                long entries = NativeMemory.getInt(buffer) & 0xffffffffL;
                for (long i = 0; i < entries; i++) {
                    long e = buffer + 8 + i * ENTRY_SIZE;
                    if (NativeMemory.getInt(e) == pid) {
                        visitor.visit(NativeMemory.getInt(e + 6) & 0xffff, NativeMemory.getByte(e + 4) & 0xff);
                    }
                }
                return;
            } finally {
                NativeMemory.free(buffer);
            }
        }
    }
}
