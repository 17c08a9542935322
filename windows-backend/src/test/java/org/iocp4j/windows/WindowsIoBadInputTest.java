package org.iocp4j.windows;

import static org.iocp4j.Win32Error.ERROR_INVALID_HANDLE;
import static org.iocp4j.Win32Error.ERROR_INVALID_PARAMETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad handles the shared IoBadInputSuite cannot make: a handle opened without FILE_FLAG_OVERLAPPED
 * (R8, R60) and one that is not a handle. The kernel's Win32 error surfaces with its name and
 * number, nothing changes, and no block or handle leaks (the after-test check of
 * {@link IoTestSupport}).
 */
class WindowsIoBadInputTest extends IoTestSupport {
    /** Not a handle: the kernel answers ERROR_INVALID_HANDLE. */
    private static final long NOT_A_HANDLE = 0x12345678L;

    @TempDir
    Path dir;

    private static void assertMentions(Exception x, String what) {
        assertTrue(x.getMessage().contains(what), () -> "message should name '" + what + "': " + x.getMessage());
    }

    /** A file handle opened without FILE_FLAG_OVERLAPPED, as a raw-handle caller might bring one. */
    private AsyncFile synchronousFile(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, new byte[] {1, 2, 3});
        long wide = NativeMemory.wideString(p.toAbsolutePath().toString());
        long h;
        try {
            h = Kernel32.CreateFileW(wide, Kernel32.GENERIC_READ, Kernel32.FILE_SHARE_READ, 0, Kernel32.OPEN_EXISTING,
                    Kernel32.FILE_ATTRIBUTE_NORMAL, 0);
        } finally {
            NativeMemory.free(wide);
        }
        assertTrue(h != Kernel32.INVALID_HANDLE_VALUE, "CreateFileW");
        return closeLater(WindowsAsyncFile.adopt(h, name));
    }

    @Test
    void r8_aHandleNotOpenedForOverlappedIoFailsAssociationWithInvalidParameter() throws Exception {
        AsyncFile f = synchronousFile("sync");
        WindowsPortException x = assertThrows(WindowsPortException.class, () -> f.associate(port, 1));
        assertEquals(ERROR_INVALID_PARAMETER, x.win32Error());
        assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_PARAMETER (87)"), x.getMessage());
        assertMentions(x, "R8");
        assertThrows(WindowsPortException.class, () -> f.associate(port, 1), "still not associated: refused again");
        assertThrows(IllegalStateException.class, () -> f.replacePort(port, 1), "never associated (R75)");
        assertNoPacket();
    }

    @Test
    void r60_modesOnAHandleNotOpenedForOverlappedIoAreRefused() throws Exception {
        AsyncFile f = synchronousFile("sync-modes");
        WindowsPortException x = assertThrows(WindowsPortException.class,
                () -> f.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS));
        assertEquals(ERROR_INVALID_PARAMETER, x.win32Error(), x.getMessage());
        assertEquals(0, f.completionNotificationModes(), "nothing recorded");
    }

    @Test
    void anInvalidHandleSurfacesErrorInvalidHandle() {
        AsyncFile f = closeLater(WindowsAsyncFile.adopt(NOT_A_HANDLE, "not a handle"));
        WindowsPortException x = assertThrows(WindowsPortException.class, () -> f.associate(port, 1));
        assertEquals(ERROR_INVALID_HANDLE, x.win32Error());
        assertTrue(x.getMessage().startsWith("CreateIoCompletionPort failed: ERROR_INVALID_HANDLE (6)"), x.getMessage());
        Overlapped ov = new Overlapped();
        assertEquals(ERROR_INVALID_HANDLE, f.read(ByteBuffer.allocate(4), 0, ov), "ReadFile's own answer, at once");
        assertFalse(ov.isInFlight());
        assertEquals(ERROR_INVALID_HANDLE, ov.error());
        WindowsPortException size = assertThrows(WindowsPortException.class, f::size);
        assertTrue(size.getMessage().startsWith("GetFileSizeEx failed: ERROR_INVALID_HANDLE (6)"), size.getMessage());
        assertNoPacket();
    }
}
