package org.iocp4j.windows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.FileRules;
import org.iocp4j.io.Overlapped;

/**
 * A file opened with CreateFileW and FILE_FLAG_OVERLAPPED: ReadFile and WriteFile at the offset
 * in the OVERLAPPED. The kernel decides whether an operation completes at once (a cached read may)
 * or is pending; either way the packet rules hold (R51-R53). A read at or past the end fails with
 * ERROR_HANDLE_EOF, at once (no packet, R52) or by packet (R53).
 */
final class WindowsAsyncFile extends WindowsHandle implements AsyncFile {
    private static final int ERROR_PATH_NOT_FOUND = 3;
    private static final int ERROR_FILE_EXISTS = 80;
    private static final int ERROR_ALREADY_EXISTS = 183;

    private final String name;

    private WindowsAsyncFile(String name) {
        this.name = name;
    }

    /** Opens {@code path} with the options of {@link java.nio.file.Files#newByteChannel}; APPEND is refused. */
    static WindowsAsyncFile open(Path path, OpenOption... options) throws IOException {
        FileRules.Checked open = FileRules.checkOpen(path, options);
        Set<OpenOption> set = open.options();
        boolean write = open.writable();
        boolean read = open.readable();
        int access = (read ? Kernel32.GENERIC_READ : 0) | (write ? Kernel32.GENERIC_WRITE : 0);
        int flags = Kernel32.FILE_ATTRIBUTE_NORMAL | Kernel32.FILE_FLAG_OVERLAPPED;
        if (set.contains(StandardOpenOption.SYNC) || set.contains(StandardOpenOption.DSYNC)) {
            flags |= Kernel32.FILE_FLAG_WRITE_THROUGH;
        }
        if (set.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            flags |= Kernel32.FILE_FLAG_DELETE_ON_CLOSE;
        }
        boolean noFollow = set.contains(LinkOption.NOFOLLOW_LINKS);
        if (noFollow) {
            flags |= Kernel32.FILE_FLAG_OPEN_REPARSE_POINT; // the link itself, to be refused below
        }
        String file = Win32Paths.forCreateFile(path);
        long wide = NativeMemory.wideString(file);
        long h;
        int error;
        try {
            h = Kernel32.CreateFileW(wide, access, Kernel32.FILE_SHARE_READ | Kernel32.FILE_SHARE_WRITE
                    | Kernel32.FILE_SHARE_DELETE, 0, disposition(set, write), flags, 0);
            error = Kernel32.lastError();
        } finally {
            NativeMemory.free(wide);
        }
        if (h == Kernel32.INVALID_HANDLE_VALUE) {
            throw openFailure(file, error);
        }
        IOException refused = noFollow ? symbolicLinkRefusal(h, file) : null;
        if (refused != null) {
            Kernel32.CloseHandle(h);
            throw refused;
        }
        return adopt(h, file);
    }

    /**
     * Why {@code h} (opened with FILE_FLAG_OPEN_REPARSE_POINT) may not be kept under
     * NOFOLLOW_LINKS: it is a symbolic link itself, or it cannot be told; null if it may.
     */
    private static IOException symbolicLinkRefusal(long h, String file) {
        long info = NativeMemory.allocate(8);
        try {
            if (Kernel32.GetFileInformationByHandleEx(h, Kernel32.FILE_ATTRIBUTE_TAG_INFO, info, 8) == 0) {
                return new IOException(file + ": GetFileInformationByHandleEx failed: "
                        + Win32Error.describe(Kernel32.lastError()));
            }
            boolean link = (NativeMemory.getInt(info) & Kernel32.FILE_ATTRIBUTE_REPARSE_POINT) != 0
                    && NativeMemory.getInt(info + 4) == Kernel32.IO_REPARSE_TAG_SYMLINK;
            return link ? new FileSystemException(file, null, "a symbolic link, and NOFOLLOW_LINKS was given") : null;
        } finally {
            NativeMemory.free(info);
        }
    }

    /** CREATE_NEW, CREATE and TRUNCATE_EXISTING count only with WRITE, as for Files.newByteChannel. */
    private static int disposition(Set<OpenOption> set, boolean write) {
        boolean truncate = write && set.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (write && set.contains(StandardOpenOption.CREATE_NEW)) {
            return Kernel32.CREATE_NEW;
        }
        if (write && set.contains(StandardOpenOption.CREATE)) {
            return truncate ? Kernel32.CREATE_ALWAYS : Kernel32.OPEN_ALWAYS;
        }
        return truncate ? Kernel32.TRUNCATE_EXISTING : Kernel32.OPEN_EXISTING;
    }

    private static IOException openFailure(String file, int error) {
        String reason = "CreateFileW failed: " + Win32Error.describe(error);
        return switch (error) {
            case Win32Error.ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND -> new NoSuchFileException(file, null, reason);
            case ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS -> new FileAlreadyExistsException(file, null, reason);
            case Win32Error.ERROR_ACCESS_DENIED -> new AccessDeniedException(file, null, reason);
            default -> new IOException(file + ": " + reason);
        };
    }

    /**
     * Adopts a kernel file handle this object then owns and closes. A handle opened without
     * FILE_FLAG_OVERLAPPED is accepted here and refused by the kernel at association (R8); only tests
     * use this door.
     */
    static WindowsAsyncFile adopt(long handle, String name) {
        WindowsAsyncFile f = new WindowsAsyncFile(name);
        synchronized (f.lock) {
            f.adoptNative(handle); // nothing recorded yet: cannot fail
        }
        return f;
    }

    @Override
    void closeNative(long handle) {
        Kernel32.CloseHandle(handle);
    }

    @Override
    public int read(ByteBuffer dst, long position, Overlapped overlapped) {
        FileRules.checkRead(dst, position, overlapped);
        return start(BufferOp.single(this, overlapped, BufferOp.Kind.READ_FILE, dst, position));
    }

    @Override
    public int write(ByteBuffer src, long position, Overlapped overlapped) {
        FileRules.checkWrite(src, position, overlapped);
        return start(BufferOp.single(this, overlapped, BufferOp.Kind.WRITE_FILE, src, position));
    }

    @Override
    public long size() {
        synchronized (lock) {
            if (closedLocked()) {
                throw new IllegalStateException("the file is closed (ERROR_INVALID_HANDLE)");
            }
            long out = NativeMemory.allocate(8);
            try {
                if (Kernel32.GetFileSizeEx(nativeHandle(), out) == 0) {
                    throw new WindowsPortException("GetFileSizeEx", Kernel32.lastError(), "on " + this);
                }
                return NativeMemory.getLong(out);
            } finally {
                NativeMemory.free(out);
            }
        }
    }

    @Override
    public String toString() {
        return "AsyncFile[windows, " + name + (isClosed() ? ", closed]" : "]");
    }
}
