package org.iocp4j.windows;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.iocp4j.Win32Error.ERROR_HANDLE_EOF;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.Map;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shared IoFileSuite does not check on CreateFileW and the OVERLAPPED's offset: open
 * failures as the JDK's exceptions with the Win32 error, OffsetHigh, and paths as the JDK's own
 * channels take them (the default file system only, long paths, NOFOLLOW_LINKS). Windows may complete a
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
    @Test
    void aPathOfAnotherFileSystemIsRefusedNotOpenedByItsName() throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("z.zip"), Map.of("create", "true"))) {
            Path inZip = zip.getPath("/a.txt"); // as a string, the root of the current drive
            Files.writeString(inZip, "zip!");
            ProviderMismatchException e = assertThrows(ProviderMismatchException.class,
                    () -> io.openFile(inZip, WRITE, CREATE));
            assertTrue(e.getMessage().contains("default file system"), e.getMessage());
        }
    }

    @Test
    void aPathLongerThanMaxPathOpens() throws Exception {
        Path deep = dir;
        while (deep.toString().length() < 300) {
            deep = deep.resolve("a-directory-name-of-forty-characters-xxx");
        }
        Files.createDirectories(deep);
        Path file = deep.resolve("data");
        assertTrue(file.toAbsolutePath().toString().length() > 260, file.toString());
        AsyncFile f = closeLater(io.openFile(file, WRITE, CREATE, READ));
        f.associate(port, 22);
        Overlapped w = new Overlapped();
        settle(f.write(ByteBuffer.wrap(new byte[] {4, 2}), 0, w), w);
        assertEquals(2, w.bytesTransferred());
        assertArrayEquals(new byte[] {4, 2}, Files.readAllBytes(file));
    }

    @Test
    void noFollowLinksRefusesASymbolicLinkAndOpensAFile() throws Exception {
        Path target = Files.write(dir.resolve("target"), new byte[] {1});
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, target);
            Files.readAllBytes(link);
        } catch (UnsupportedOperationException | IOException e) {
            // Wine 8 makes a link that nothing can open, followed or not (ERROR_FILE_NOT_FOUND)
            assumeTrue(false, "requires symbolic links that work, which this Windows (or Wine) cannot make: " + e);
        }
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> io.openFile(link, READ, LinkOption.NOFOLLOW_LINKS));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        closeLater(io.openFile(target, READ, LinkOption.NOFOLLOW_LINKS)).close();
        closeLater(io.openFile(link, READ)).close(); // followed without the option
    }
}
