package org.iocp4j.windows;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_HANDLE_EOF;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shared IoFileSuite does not check on CreateFileW and the OVERLAPPED's offset: open
 * failures as the JDK's exceptions with the Win32 error, and OffsetHigh. Windows may complete a
 * file operation at once (R51) or pend it (R53); Wine 8.0 pends every one; both are accepted here.
 */
class WindowsFileTest extends IoTestSupport {
    @TempDir
    Path dir;

    @Test
    void openFailuresAreTheJdksExceptionsWithTheWin32Error() throws Exception {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> io.openFile(dir.resolve("missing"), READ));
        assertTrue(missing.getMessage().contains("ERROR_FILE_NOT_FOUND (2)"), missing.getMessage());
        closeLater(io.openFile(dir.resolve("there"), WRITE, CREATE)).close();
        FileAlreadyExistsException exists = assertThrows(FileAlreadyExistsException.class,
                () -> io.openFile(dir.resolve("there"), WRITE, CREATE_NEW));
        assertTrue(exists.getMessage().contains("CreateFileW failed"), exists.getMessage());
    }

    @Test
    void offsetsBeyondFourGigabytesUseOffsetHigh() throws Exception {
        Files.write(dir.resolve("small"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        AsyncFile f = closeLater(io.openFile(dir.resolve("small"), READ));
        f.associate(port, 21);
        Overlapped r = new Overlapped();
        int issued = f.read(ByteBuffer.allocate(4), (1L << 32) + 2, r); // offset 2, with data, if OffsetHigh were lost
        if (issued == ERROR_IO_PENDING) {
            expectPacket(r, ERROR_HANDLE_EOF, 0);
        } else {
            assertEquals(ERROR_HANDLE_EOF, issued);
        }
    }
}
