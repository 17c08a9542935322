package org.iocp4j.unix.suite;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import org.iocp4j.Win32Error;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.conformance.io.IoFileSuite;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * Files at an offset on the helper pool: the conformance suite on a readiness backend, and what
 * only a JDK FileChannel underneath can get wrong.
 */
public abstract class FileSuite extends IoFileSuite {

    /** The backend under test. */
    protected abstract IoBackendUnderTest backend();

    @Override
    protected final IoBackendFixture fixture() {
        return new UnixIoFixture(backend());
    }

    /** FileChannel.size() on an interrupted thread closes the channel (ClosedByInterruptException) for every user. */
    @Test
    public void sizeOnAnInterruptedThreadLeavesTheFileWorking() throws Exception {
        AsyncFile f = closeLater(io.openFile(dir.resolve("size"), READ, WRITE, CREATE));
        f.associate(port, 23);
        Overlapped w = new Overlapped();
        settle(f.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 0, w), w);
        Thread.currentThread().interrupt();
        try {
            assertEquals(3, f.size());
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is left set");
        } finally {
            Thread.interrupted();
        }
        Overlapped r = new Overlapped();
        ByteBuffer dst = ByteBuffer.allocate(3);
        settle(f.read(dst, 0, r), r);
        assertEquals(3, entry.bytes(), "the file still works");
        assertFalse(f.isClosed());
    }

    /** The kernel refuses an offset past the largest one (EINVAL): a read there is still at the end of the file. */
    @Test
    public void theLargestOffsetsAreStillTheEndForAReadAndTooLargeForAWrite() throws Exception {
        AsyncFile f = closeLater(io.openFile(dir.resolve("far"), READ, WRITE, CREATE));
        f.associate(port, 24);
        for (long at : new long[] {Long.MAX_VALUE - 2, Long.MAX_VALUE}) {
            Overlapped r = new Overlapped();
            assertEquals(Win32Error.ERROR_IO_PENDING, f.read(ByteBuffer.allocate(4), at, r));
            expectPacket(r, Win32Error.ERROR_HANDLE_EOF, 0);
        }
        Overlapped w = new Overlapped();
        assertEquals(Win32Error.ERROR_IO_PENDING, f.write(ByteBuffer.wrap(new byte[4]), Long.MAX_VALUE - 1, w));
        expectPacket(w, Win32Error.ERROR_FILE_TOO_LARGE, 0);
        assertEquals(0, f.size(), "nothing written");
    }

    /** Linux opens a directory for reading; every read would then fail. Refused at the open instead. */
    @Test
    public void aDirectoryIsRefusedAtTheOpen() throws Exception {
        FileSystemException e = assertThrows(FileSystemException.class, () -> io.openFile(dir, READ));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }
}
