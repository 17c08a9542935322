package org.iocp4j.io;

import java.nio.ByteBuffer;

/** A file opened for overlapped I/O (FILE_FLAG_OVERLAPPED): reads and writes at an offset. */
public interface AsyncFile extends IoHandle {

    /** ReadFile at {@code position}; reading at or past the end fails with ERROR_HANDLE_EOF (R52/R53). */
    int read(ByteBuffer dst, long position, Overlapped overlapped);

    /** WriteFile at {@code position}. */
    int write(ByteBuffer src, long position, Overlapped overlapped);

    /** The file's size in bytes. */
    long size();
}
